import type { ReactNode } from "react";
import type { DunningText } from "@/lib/shared/i18n/portal-copy";
import { PayOpenInvoice } from "./pay-open-invoice";

type DunningNoticeProps = {
  /** The plan's dunning message, in words made with the page (lib/server/i18n/dunning-texts.ts). */
  text: DunningText;
  openInvoiceId: string | null;
  /** "Pay now" for that invoice, drawn with the page; null where it is off. */
  payNowForm: ReactNode;
  /** One line for a plan's card in a list. */
  brief: boolean;
};

/**
 * What happens next after a failed payment, while the plan is past due: drawn on the server with
 * the page, and shown by the plan's card or page for as long as its refreshed status is past due
 * (once the plan is paid and active again, the message goes).
 */
export function DunningNotice({ text, openInvoiceId, payNowForm, brief }: DunningNoticeProps) {
  if (brief) {
    return (
      <div className="dunning dunning-brief" data-testid="dunning-notice">
        <p>{text.line}</p>
        <PayOpenInvoice invoiceId={openInvoiceId} payNowForm={payNowForm} />
      </div>
    );
  }
  return (
    <section className="card stack dunning" aria-labelledby="dunning-heading" data-testid="dunning-notice">
      <h2 id="dunning-heading">{text.headline}</h2>
      {text.nextTry && <p>{text.nextTry}</p>}
      <p>{text.access}</p>
      <PayOpenInvoice invoiceId={openInvoiceId} payNowForm={payNowForm} />
    </section>
  );
}
