import type { Route } from "next";
import { isAmendableMandate, isCancellableMandate, mandateBadge, mandateTitle, maskedAccount } from "@/lib/shared/billing/mandate-status";
import { formatDate } from "@/lib/shared/format/format-date";
import type { DirectDebitWords } from "@/lib/shared/i18n/direct-debit-words";
import { fill } from "@/lib/shared/i18n/slots";
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";
import { Badge } from "../../_components/badge";
import { DetailRow } from "../../_components/detail-row";
import { PortalLink } from "../../_components/navigation-pending";
import { CancelMandate } from "./cancel-mandate";

export function MandateCard({ words, mandate, locale, idempotencyKey }: { words: DirectDebitWords; mandate: PortalMandate; locale: string; idempotencyKey: string }) {
  const headingId = `mandate-${mandate.id}`;
  const badge = mandateBadge(mandate);
  const nextCollection = formatDate(mandate.next_collection_date, locale);
  return (
    <article className="card stack" aria-labelledby={headingId} data-testid="mandate">
      <h2 id={headingId} className="card-title">
        {mandateTitle(mandate, words.bankAccount)}
      </h2>
      <div>
        <Badge badge={{ label: badge.status === "other" ? fill(words.otherStatus, { words: badge.words }) : words.status[badge.status], tone: badge.tone }} />
      </div>
      <dl className="details">
        <DetailRow term={words.accountHolder}>{mandate.account_holder_name}</DetailRow>
        <DetailRow term={words.accountNumber}>{maskedAccount(mandate)}</DetailRow>
        <DetailRow term={words.bank}>{mandate.bank_name}</DetailRow>
        <DetailRow term={words.reference}>{mandate.mandate_reference}</DetailRow>
        <DetailRow term={words.nextCollection}>{nextCollection ?? (isCancellableMandate(mandate) ? words.noneScheduled : null)}</DetailRow>
      </dl>
      {isAmendableMandate(mandate) && (
        <p>
          <PortalLink href={`/portal/direct-debit/${mandate.id}/change-bank` as Route} className="button" aria-describedby={headingId}>
            {words.changeBank}
          </PortalLink>
        </p>
      )}
      <CancelMandate words={words} mandate={mandate} idempotencyKey={idempotencyKey} />
    </article>
  );
}
