import type { Route } from "next";
import { useTranslations } from "next-intl";
import { isAmendableMandate, isCancellableMandate, mandateBadge, mandateTitle, maskedAccount } from "@/lib/shared/billing/mandate-status";
import { formatDate } from "@/lib/shared/format/format-date";
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";
import { Badge } from "../../_components/badge";
import { DetailRow } from "../../_components/detail-row";
import { PortalLink } from "../../_components/navigation-pending";
import { CancelMandate } from "./cancel-mandate";

export function MandateCard({ mandate, locale, idempotencyKey }: { mandate: PortalMandate; locale: string; idempotencyKey: string }) {
  const t = useTranslations("DirectDebit");
  const headingId = `mandate-${mandate.id}`;
  const badge = mandateBadge(mandate);
  const nextCollection = formatDate(mandate.next_collection_date, locale);
  return (
    <article className="card stack" aria-labelledby={headingId} data-testid="mandate">
      <h2 id={headingId} className="card-title">
        {mandateTitle(mandate, t("bankAccount"))}
      </h2>
      <div>
        <Badge badge={{ label: t("status", badge), tone: badge.tone }} />
      </div>
      <dl className="details">
        <DetailRow term={t("accountHolder")}>{mandate.account_holder_name}</DetailRow>
        <DetailRow term={t("accountNumber")}>{maskedAccount(mandate)}</DetailRow>
        <DetailRow term={t("bank")}>{mandate.bank_name}</DetailRow>
        <DetailRow term={t("reference")}>{mandate.mandate_reference}</DetailRow>
        <DetailRow term={t("nextCollection")}>{nextCollection ?? (isCancellableMandate(mandate) ? t("noneScheduled") : null)}</DetailRow>
      </dl>
      {isAmendableMandate(mandate) && (
        <p>
          <PortalLink href={`/portal/direct-debit/${mandate.id}/change-bank` as Route} className="button" aria-describedby={headingId}>
            {t("changeBank")}
          </PortalLink>
        </p>
      )}
      <CancelMandate mandate={mandate} idempotencyKey={idempotencyKey} />
    </article>
  );
}
