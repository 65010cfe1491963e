import type { Route } from "next";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { PortalLink } from "./navigation-pending";

/**
 * The way forward from a failed payment: "Pay now" for the subscription's unpaid invoice, one
 * press from RevKeen's checkout; its page where Pay now is off; or the invoice list when the page
 * could not tell which invoice it is. Drawn on the server with the page.
 */
export function PayOpenInvoice({ invoiceId, payNowForm }: { invoiceId: string | null; payNowForm: ReactNode }) {
  const t = useTranslations("PayNow");
  if (invoiceId === null) {
    return (
      <PortalLink href="/portal/invoices" className="button button-primary">
        {t("seeWhatYouOwe")}
      </PortalLink>
    );
  }
  if (payNowForm !== null) return payNowForm;
  return (
    <PortalLink href={`/portal/invoices/${invoiceId}` as Route} className="button button-primary">
      {t("seeUnpaidInvoice")}
    </PortalLink>
  );
}
