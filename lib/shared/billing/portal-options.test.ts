import { describe, expect, it } from "vitest";
import { PRODUCT_PRO } from "@/lib/sandbox/data/seed-products";
import { portalOptions } from "./portal-options";

describe("the default portal options", () => {
  it("offer the sandbox's Pro product for pro-reports, so the demo's locked reports can be bought", () => {
    expect(portalOptions.upgradeOffers).toEqual({ "pro-reports": PRODUCT_PRO });
  });
});
