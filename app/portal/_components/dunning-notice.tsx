"use client";

import { useTranslations } from "next-intl";
import { dunningLine, dunningMessage } from "@/lib/shared/billing/dunning-message";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { subscriptionTitle } from "./subscription-title";
import { PayOpenInvoice } from "./pay-open-invoice";
import { usePlanDetail } from "./plan-details-context";

/**
 * What happens next after a failed payment, while the plan is past due. The status comes from the
 * portal's own (refreshed) data: once the plan is paid and active again, the message goes.
 * `brief`: one line for a plan's card in a list.
 */
export function DunningNotice({ subscription, locale, brief = false }: { subscription: PortalSubscription; locale: string; brief?: boolean }) {
  const t = useTranslations("Dunning");
  const planTitle = useTranslations("Subscriptions")("planTitle");
  const { dunning, openInvoiceId, name } = usePlanDetail(subscription.id);
  if (dunning === null || subscription.status !== "past_due") return null;
  const plan = name ?? subscriptionTitle(subscription, locale) ?? planTitle;
  if (brief) {
    return (
      <div className="dunning dunning-brief" data-testid="dunning-notice">
        <p>{t("line", dunningLine(dunning, locale).values)}</p>
        <PayOpenInvoice invoiceId={openInvoiceId} plan={plan} />
      </div>
    );
  }
  const { headline, nextTry, access } = dunningMessage(dunning, locale);
  return (
    <section className="card stack dunning" aria-labelledby="dunning-heading" data-testid="dunning-notice">
      <h2 id="dunning-heading">{t(headline.key)}</h2>
      {nextTry && <p>{nextTry.values ? t(nextTry.key, nextTry.values as never) : t(nextTry.key)}</p>}
      <p>{t(access.key)}</p>
      <PayOpenInvoice invoiceId={openInvoiceId} plan={plan} />
    </section>
  );
}
