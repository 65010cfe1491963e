import { describe, expect, it } from "vitest";
import { pricingPageHref } from "./pricing-page";

describe("the pricing page's address", () => {
  it("is a path on this site, or an https address, as configured", () => {
    expect(pricingPageHref("/pricing")).toBe("/pricing");
    expect(pricingPageHref("/pricing?plan=pro")).toBe("/pricing?plan=pro");
    expect(pricingPageHref("https://example.com/pricing")).toBe("https://example.com/pricing");
  });

  it.each(["//evil.example/pricing", "/\\evil.example", "http://example.com/pricing", "javascript:alert(1)", "https://user:pw@example.com/", "pricing", ""])(
    "is no link at all for %j",
    (configured) => expect(pricingPageHref(configured)).toBeNull(),
  );
});
