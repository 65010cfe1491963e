import type { Route } from "next";
import { PortalLink } from "./navigation-pending";

/**
 * The way forward from a failed payment: the subscription's unpaid invoice, where it can be paid,
 * or the invoice list when the page could not tell which invoice it is.
 */
export function PayOpenInvoice({ invoiceId }: { invoiceId: string | null }) {
  if (invoiceId === null) {
    return (
      <PortalLink href="/portal/invoices" className="button button-primary">
        See what you owe
      </PortalLink>
    );
  }
  return (
    <PortalLink href={`/portal/invoices/${invoiceId}` as Route} className="button button-primary">
      Pay now
    </PortalLink>
  );
}
