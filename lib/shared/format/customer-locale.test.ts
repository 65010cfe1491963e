import { describe, expect, it } from "vitest";
import { customerLocale } from "./customer-locale";

describe("customerLocale", () => {
  it("keeps a valid locale in its canonical form", () => {
    expect(customerLocale("en-GB")).toBe("en-GB");
    expect(customerLocale("ja-jp")).toBe("ja-JP");
  });

  it("falls back to en-US for a missing or malformed locale", () => {
    expect(customerLocale(null)).toBe("en-US");
    expect(customerLocale("")).toBe("en-US");
    expect(customerLocale("not a locale!")).toBe("en-US");
  });
});
