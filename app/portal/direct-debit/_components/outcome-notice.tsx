type Search = Record<string, string | string[] | undefined>;

/** Where a change of bank account lands when it went through: the redirect names the outcome, never any detail of the request. */
export function OutcomeNotice({ search }: { search: Search }) {
  if (search.outcome !== "changed") return null;
  return (
    <p role="status" className="notice" data-testid="direct-debit-outcome">
      Your new bank details were sent. The Direct Debit shows as being set up until your bank confirms the change; your payments carry
      on meanwhile.
    </p>
  );
}
