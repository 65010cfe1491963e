import { describe, expect, it } from "vitest";
import { OPEN_REDIRECT_ATTEMPTS } from "@/lib/testing/open-redirect-attempts";
import { safeLocalPath, safePortalPath } from "./safe-path";

describe("redirect destinations", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeLocalPath("/portal/invoices?limit=10")).toBe("/portal/invoices?limit=10");
  });

  it("refuses other origins in every spelling, also once dot segments are removed", () => {
    for (const value of ["", "javascript:alert(1)", ...OPEN_REDIRECT_ATTEMPTS]) {
      expect(safeLocalPath(value), value).toBe("/");
      expect(safePortalPath(value), value).toBe("/portal");
    }
  });

  it("resolves dot segments and then keeps a path that stays on this site", () => {
    expect(safeLocalPath("/portal/./invoices")).toBe("/portal/invoices");
    expect(safeLocalPath("/portal/x/../invoices")).toBe("/portal/invoices");
  });

  it("keeps portal destinations under /portal", () => {
    expect(safePortalPath("/portal/subscriptions")).toBe("/portal/subscriptions");
    expect(safePortalPath("/portalx")).toBe("/portal");
    expect(safePortalPath("/sign-in")).toBe("/portal");
    expect(safePortalPath("/portal/../sign-in")).toBe("/portal");
    expect(safePortalPath(null)).toBe("/portal");
  });
});
