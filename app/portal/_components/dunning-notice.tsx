"use client";

import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { PayOpenInvoice } from "./pay-open-invoice";
import { usePlanDetail } from "./plan-details-context";

/**
 * What happens next after a failed payment, while the plan is past due. The status comes from the
 * portal's own (refreshed) data: once the plan is paid and active again, the message goes.
 * `brief`: one line for a plan's card in a list.
 */
export function DunningNotice({ subscription, brief = false }: { subscription: PortalSubscription; brief?: boolean }) {
  const { dunning, dunningText, openInvoiceId } = usePlanDetail(subscription.id);
  // The words come with the page (lib/server/i18n/dunning-texts.ts).
  if (dunning === null || !dunningText || subscription.status !== "past_due") return null;
  if (brief) {
    return (
      <div className="dunning dunning-brief" data-testid="dunning-notice">
        <p>{dunningText.line}</p>
        <PayOpenInvoice invoiceId={openInvoiceId} />
      </div>
    );
  }
  const { headline, nextTry, access } = dunningText;
  return (
    <section className="card stack dunning" aria-labelledby="dunning-heading" data-testid="dunning-notice">
      <h2 id="dunning-heading">{headline}</h2>
      {nextTry && <p>{nextTry}</p>}
      <p>{access}</p>
      <PayOpenInvoice invoiceId={openInvoiceId} />
    </section>
  );
}
