type Search = Record<string, string | string[] | undefined>;

/** Where a change of bank account lands when it went through: the redirect names the outcome, never any detail of the request. */
export function OutcomeNotice({ search, text }: { search: Search; text: string }) {
  if (search.outcome !== "changed") return null;
  return (
    <p role="status" className="notice" data-testid="direct-debit-outcome">
      {text}
    </p>
  );
}
