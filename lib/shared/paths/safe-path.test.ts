import { describe, expect, it } from "vitest";
import { safeLocalPath, safePortalPath } from "./safe-path";

describe("redirect destinations", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeLocalPath("/portal/invoices?limit=10")).toBe("/portal/invoices?limit=10");
  });

  it("refuses other origins in every spelling", () => {
    for (const value of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", ""]) {
      expect(safeLocalPath(value)).toBe("/");
    }
  });

  it("keeps portal destinations under /portal", () => {
    expect(safePortalPath("/portal/subscriptions")).toBe("/portal/subscriptions");
    expect(safePortalPath("/portalx")).toBe("/portal");
    expect(safePortalPath("/sign-in")).toBe("/portal");
    expect(safePortalPath("/portal/../sign-in")).toBe("/portal");
    expect(safePortalPath(null)).toBe("/portal");
  });
});
