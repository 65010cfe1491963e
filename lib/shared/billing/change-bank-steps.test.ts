import { describe, expect, it } from "vitest";
import { bankDetailsFromForm, BANK_FIELDS, CONFIRMED } from "./bank-details-form";
import { stepAfterRefusal } from "./change-bank-steps";

describe("where a change of bank goes after a refusal", () => {
  it("stops after an unknown outcome or a change already under way, so nothing is sent twice", () => {
    for (const code of ["mandate:must_reconcile", "mandate:amendment_in_progress", "mandate:not_amendable", "mandate:not_found"] as const) {
      expect(stepAfterRefusal(code, "details"), code).toBe("stopped");
    }
  });

  it("starts over for a spent verification, stays on the code for a refused code, and keeps the step otherwise", () => {
    expect(stepAfterRefusal("mandate:verification_expired", "details")).toBe("send");
    expect(stepAfterRefusal("mandate:code_expired", "code")).toBe("code");
    expect(stepAfterRefusal("mandate:details_invalid", "details")).toBe("details");
    expect(stepAfterRefusal("mandate:bank_storage_unavailable", "details")).toBe("details");
    expect(stepAfterRefusal("upstream:unavailable", "send")).toBe("send");
    // What the browser's fetcher says when it reached no server is no refusal either.
    expect(stepAfterRefusal("network:offline", "code")).toBe("code");
  });
});

describe("the new-account form", () => {
  it("reads into the body RevKeen takes, confirmations as booleans", () => {
    const form = new FormData();
    form.set(BANK_FIELDS.holder, "Ada King");
    form.set(BANK_FIELDS.sortCode, "20-71-64");
    form.set(BANK_FIELDS.accountNumber, "55779911");
    form.set(BANK_FIELDS.confirmHolder, CONFIRMED);
    expect(bankDetailsFromForm(form)).toEqual({
      account_holder_name: "Ada King",
      sort_code: "20-71-64",
      account_number: "55779911",
      acceptance: { accountHolder: true, soleSignatory: false },
    });
  });
});
