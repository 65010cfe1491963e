import "server-only";
// What the invoice's page says when the customer comes back from RevKeen's checkout page. The
// address she comes back to only marks the return; which checkout she started is in this browser's
// sealed cookie (./checkout-cookie.ts), and how it went is RevKeen's answer about that session,
// believed only when it is a session for this invoice and this user's customer.
import { currentUser } from "@/lib/server/auth/current-user";
import { customerIdForUser } from "@/lib/server/billing-account/customer-id-for-user";
import { log } from "@/lib/server/logging/log";
import { getCheckoutSession } from "@/lib/server/revkeen-api/checkout-sessions";
import { checkoutOutcome, type CheckoutOutcome } from "@/lib/shared/billing/pay-now";
import { PortalError } from "@/lib/shared/portal-api/errors";
import type { PortalInvoice } from "@/lib/shared/revkeen-api/customer-portal";
import { startedCheckout } from "./checkout-cookie";

/** How the payment went; "unchecked" when RevKeen could not be asked; null when this browser started no checkout for the invoice. */
export async function checkoutReturnOutcome(invoice: PortalInvoice): Promise<CheckoutOutcome | "unchecked" | null> {
  const user = await currentUser();
  if (user === null) return null;
  const sessionId = await startedCheckout(user.id, invoice.id);
  if (sessionId === null) return null;
  try {
    const [customerId, session] = await Promise.all([customerIdForUser(user), getCheckoutSession(sessionId)]);
    if (session === null || customerId === null || session.invoice_id !== invoice.id || session.customer_id !== customerId) {
      log.warn("checkout.return_not_matched", { checkout_session_id: sessionId });
      return null;
    }
    return checkoutOutcome(session.status, invoice);
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    // Already logged where it failed; the page still shows the invoice as RevKeen has it.
    return invoice.status === "paid" ? "paid" : "unchecked";
  }
}
