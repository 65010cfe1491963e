"use client";

import type { Route } from "next";
import { useTranslations } from "next-intl";
import { PortalLink } from "./navigation-pending";
import { PayNowForm } from "./pay-now-form";
import { usePayNowKey } from "./plan-details-context";

/**
 * The way forward from a failed payment: "Pay now" for the subscription's unpaid invoice, one
 * press from RevKeen's checkout; its page where Pay now is off; or the invoice list when the page
 * could not tell which invoice it is.
 */
export function PayOpenInvoice({ invoiceId, plan }: { invoiceId: string | null; plan: string }) {
  const t = useTranslations("PayNow");
  const payNowKey = usePayNowKey();
  if (invoiceId === null) {
    return (
      <PortalLink href="/portal/invoices" className="button button-primary">
        {t("seeWhatYouOwe")}
      </PortalLink>
    );
  }
  if (payNowKey !== null) return <PayNowForm invoiceId={invoiceId} describes={t("buttonFor", { describes: t("forPlan", { plan }) })} idempotencyKey={payNowKey} />;
  return (
    <PortalLink href={`/portal/invoices/${invoiceId}` as Route} className="button button-primary">
      {t("seeUnpaidInvoice")}
    </PortalLink>
  );
}
