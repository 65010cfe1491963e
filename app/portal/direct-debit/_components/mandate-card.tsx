import type { Route } from "next";
import { isAmendableMandate, isCancellableMandate, mandateBadge, mandateTitle, maskedAccount } from "@/lib/shared/billing/mandate-status";
import { formatDate } from "@/lib/shared/format/format-date";
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";
import { Badge } from "../../_components/badge";
import { DetailRow } from "../../_components/detail-row";
import { PortalLink } from "../../_components/navigation-pending";
import { CancelMandate } from "./cancel-mandate";

export function MandateCard({ mandate, locale, idempotencyKey }: { mandate: PortalMandate; locale: string; idempotencyKey: string }) {
  const headingId = `mandate-${mandate.id}`;
  const nextCollection = formatDate(mandate.next_collection_date, locale);
  return (
    <article className="card stack" aria-labelledby={headingId} data-testid="mandate">
      <h2 id={headingId} className="card-title">
        {mandateTitle(mandate)}
      </h2>
      <div>
        <Badge badge={mandateBadge(mandate)} />
      </div>
      <dl className="details">
        <DetailRow term="Account holder">{mandate.account_holder_name}</DetailRow>
        <DetailRow term="Account number">{maskedAccount(mandate)}</DetailRow>
        <DetailRow term="Bank">{mandate.bank_name}</DetailRow>
        <DetailRow term="Mandate reference">{mandate.mandate_reference}</DetailRow>
        <DetailRow term="Next collection">{nextCollection ?? (isCancellableMandate(mandate) ? "None scheduled" : null)}</DetailRow>
      </dl>
      {isAmendableMandate(mandate) && (
        <p>
          <PortalLink href={`/portal/direct-debit/${mandate.id}/change-bank` as Route} className="button" aria-describedby={headingId}>
            Change bank account
          </PortalLink>
        </p>
      )}
      <CancelMandate mandate={mandate} idempotencyKey={idempotencyKey} />
    </article>
  );
}
