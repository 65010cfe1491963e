"use client";

import { dunningLine, dunningMessage } from "@/lib/shared/billing/dunning-message";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { PayOpenInvoice } from "./pay-open-invoice";
import { usePlanDetail } from "./plan-details-context";

/**
 * What happens next after a failed payment, while the plan is past due. The status comes from the
 * portal's own (refreshed) data: once the plan is paid and active again, the message goes.
 * `brief`: one line for a plan's card in a list.
 */
export function DunningNotice({ subscription, locale, brief = false }: { subscription: PortalSubscription; locale: string; brief?: boolean }) {
  const { dunning, openInvoiceId } = usePlanDetail(subscription.id);
  if (dunning === null || subscription.status !== "past_due") return null;
  if (brief) {
    return (
      <div className="dunning dunning-brief" data-testid="dunning-notice">
        <p>{dunningLine(dunning, locale)}</p>
        <PayOpenInvoice invoiceId={openInvoiceId} />
      </div>
    );
  }
  const message = dunningMessage(dunning, locale);
  return (
    <section className="card stack dunning" aria-labelledby="dunning-heading" data-testid="dunning-notice">
      <h2 id="dunning-heading">{message.headline}</h2>
      {message.nextTry && <p>{message.nextTry}</p>}
      <p>{message.access}</p>
      <PayOpenInvoice invoiceId={openInvoiceId} />
    </section>
  );
}
