import { describe, expect, it } from "vitest";
import { isPortalErrorCode, PORTAL_ERROR_CODES } from "./error-codes";
import { portalErrorCodes } from "./errors";

describe("the error codes the browser knows", () => {
  it("are exactly the codes with a message", () => {
    expect([...PORTAL_ERROR_CODES].sort()).toEqual(Object.keys(portalErrorCodes).sort());
  });

  it("accept a code and nothing else, not even an object's own keys", () => {
    expect(isPortalErrorCode("mandate:code_invalid")).toBe(true);
    for (const value of ["constructor", "toString", "__proto__", "network:offline", "", 401, null, undefined]) {
      expect(isPortalErrorCode(value), String(value)).toBe(false);
    }
  });
});
