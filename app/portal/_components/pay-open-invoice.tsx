"use client";

import type { Route } from "next";
import { useMessages } from "next-intl";
import { PortalLink } from "./navigation-pending";
import { PayNowForm } from "./pay-now-form";
import { usePayNowFor, usePayNowKey } from "./plan-details-context";

/**
 * The way forward from a failed payment: "Pay now" for the subscription's unpaid invoice, one
 * press from RevKeen's checkout; its page where Pay now is off; or the invoice list when the page
 * could not tell which invoice it is. The button's name was said on the server with the page, and
 * the words here are plain messages read as they are: a message formatter in the browser would
 * cost every page (docs/speed.md).
 */
export function PayOpenInvoice({ invoiceId }: { invoiceId: string | null }) {
  const words = useMessages().PayNow;
  const payNowKey = usePayNowKey();
  const describes = usePayNowFor(invoiceId ?? "");
  if (invoiceId === null) {
    return (
      <PortalLink href="/portal/invoices" className="button button-primary">
        {words.seeWhatYouOwe}
      </PortalLink>
    );
  }
  if (payNowKey !== null) return <PayNowForm invoiceId={invoiceId} describes={describes} idempotencyKey={payNowKey} />;
  return (
    <PortalLink href={`/portal/invoices/${invoiceId}` as Route} className="button button-primary">
      {words.seeUnpaidInvoice}
    </PortalLink>
  );
}
