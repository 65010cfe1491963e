import "server-only";
// "Pay now": the merchant's key acting on a customer's behalf, under the rule in
// docs/security.md. The customer's own portal token must first show the invoice to be theirs and
// open; only then is a hosted checkout created for it, with the merchant's key, for that invoice
// alone. Where RevKeen sends her afterwards is built here from this site's own origin, never from
// the form, and where this app sends her (RevKeen's page) is checked before she goes.
import { createHash } from "node:crypto";
import { serverEnv } from "@/lib/env/server";
import type { SignedInUser } from "@/lib/server/auth/current-user";
import { customerIdForUser } from "@/lib/server/billing-account/customer-id-for-user";
import { log } from "@/lib/server/logging/log";
import { withPortalToken } from "@/lib/server/portal-session/renew";
import { createCheckoutSession } from "@/lib/server/revkeen-api/checkout-sessions";
import { getInvoice } from "@/lib/server/revkeen-api/customer-portal";
import { isCheckoutDestination } from "@/lib/server/security/checkout-origins";
import { CHECKOUT_RETURN_PARAM, CHECKOUT_RETURN_VALUE, payRefusal } from "@/lib/shared/billing/pay-now";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { rememberCheckout } from "./checkout-cookie";

/**
 * The Idempotency-Key of one press: the form's key (one per rendering of the page) for this user
 * and this invoice. A page shows several "Pay now" buttons under one key, and RevKeen must see a
 * key of its own for each invoice; a double press of one button sends the same.
 */
export function checkoutIdempotencyKey(formKey: string, userId: string, invoiceId: string): string {
  const hex = createHash("sha256").update(`pay-now\u0000${formKey}\u0000${userId}\u0000${invoiceId}`).digest("hex");
  // Shaped as a UUID v4 (version and variant bits set), the form RevKeen takes.
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The invoice's own page, marked as a return from checkout: RevKeen sends the customer back there either way. */
export function checkoutReturnUrl(siteOrigin: string, invoiceId: string): string {
  const url = new URL(`/portal/invoices/${invoiceId}`, siteOrigin);
  url.searchParams.set(CHECKOUT_RETURN_PARAM, CHECKOUT_RETURN_VALUE);
  return url.toString();
}

/**
 * Creates the checkout for `invoiceId` if the signed-in user's customer owes it, remembers it in
 * this browser, and answers the page to send the customer to. Refusals are PortalErrors, and none
 * creates a checkout.
 */
export async function startCheckout(user: SignedInUser, invoiceId: string, formKey: string, siteOrigin: string): Promise<string> {
  const [customerId, invoice] = await Promise.all([customerIdForUser(user), withPortalToken(user, (token) => getInvoice(token, invoiceId))]);
  if (customerId === null) throw new PortalError("portal:no_account");
  const refusal = payRefusal(invoice);
  if (refusal) throw new PortalError(refusal);
  const back = checkoutReturnUrl(siteOrigin, invoice.id);
  const session = await createCheckoutSession(
    { invoiceId: invoice.id, successUrl: back, cancelUrl: back },
    checkoutIdempotencyKey(formKey, user.id, invoice.id),
  );
  // A checkout for an invoice is the invoice's customer's: any other answer is not followed.
  if (session.customer_id && session.customer_id !== customerId) {
    log.error("checkout.customer_mismatch", { checkout_session_id: session.id });
    throw new PortalError("upstream:unavailable");
  }
  if (!isCheckoutDestination(session.url, serverEnv(), siteOrigin)) {
    log.error("checkout.destination_refused", { checkout_session_id: session.id, host: hostOf(session.url) });
    throw new PortalError("upstream:unavailable");
  }
  await rememberCheckout(session.id, user.id, invoice.id, Date.parse(session.expires_at));
  log.info("checkout.started", { checkout_session_id: session.id });
  return session.url;
}

/** The host alone: the rest of the address can hold the page's token. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "unreadable";
  }
}
