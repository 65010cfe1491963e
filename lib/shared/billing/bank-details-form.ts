// The change-of-bank form's fields by name, for the form and the server action that reads it
// (changeBankAction). Checked on the server (newBankDetailsSchema); nothing here keeps or logs a
// value.

export const BANK_FIELDS = {
  holder: "account_holder_name",
  sortCode: "sort_code",
  accountNumber: "account_number",
  confirmHolder: "confirm_account_holder",
  confirmSoleSignatory: "confirm_sole_signatory",
} as const;

/** What a ticked confirmation sends. */
export const CONFIRMED = "yes";

export function bankDetailsFromForm(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    account_holder_name: text(BANK_FIELDS.holder),
    sort_code: text(BANK_FIELDS.sortCode),
    account_number: text(BANK_FIELDS.accountNumber),
    acceptance: {
      accountHolder: form.get(BANK_FIELDS.confirmHolder) === CONFIRMED,
      soleSignatory: form.get(BANK_FIELDS.confirmSoleSignatory) === CONFIRMED,
    },
  };
}
