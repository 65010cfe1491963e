import { isPortalErrorCode, portalErrorCodes } from "@/lib/shared/portal-api/errors";

type Search = Record<string, string | string[] | undefined>;

/**
 * What a plain form (sent without JavaScript) or the change of bank came back with: the
 * redirect names the outcome, never any detail of the request.
 */
export function OutcomeNotice({ search }: { search: Search }) {
  const outcome = typeof search.outcome === "string" ? search.outcome : undefined;
  if (outcome === "changed") {
    return (
      <p role="status" className="notice" data-testid="direct-debit-outcome">
        Your new bank details were sent. The Direct Debit shows as being set up until your bank confirms the change; your
        payments carry on meanwhile.
      </p>
    );
  }
  if (outcome === "cancelled" || outcome === "mandate:already_cancelled") {
    return (
      <p role="status" className="notice" data-testid="direct-debit-outcome">
        {outcome === "cancelled" ? "Your Direct Debit has been cancelled. No more payments will be collected with it." : portalErrorCodes[outcome].message}
      </p>
    );
  }
  if (isPortalErrorCode(outcome)) {
    return (
      <p role="status" className="notice notice-error" data-testid="direct-debit-outcome">
        We couldn&apos;t cancel your Direct Debit. {portalErrorCodes[outcome].message}
      </p>
    );
  }
  return null;
}
