// A hosted checkout as the merchant's API and its webhooks show it, and its end when nobody pays
// in time (24 hours of sandbox time, as RevKeen's sessions last).
import { createHash, randomBytes } from "node:crypto";
import type { CheckoutSessionsGetResponse } from "@revkeen/sdk";
import { toIso } from "./calendar";
import type { SandboxContext } from "../entry/context";
import type { CheckoutSessionRecord } from "./records";

/** How long a session can be paid, in sandbox time: a day, as RevKeen's hosted checkout. */
export const CHECKOUT_SESSION_TTL_MS = 24 * 3_600_000;

/** Where the hosted page lives, on the sandbox's origin or, in-process, the app's. */
export const CHECKOUT_PAGE_PATH = "/__sandbox/checkout/";

export function hashPageToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The unguessable token of a session's page URL (the id alone never opens it). */
export function newPageToken(): string {
  return `cst_${randomBytes(32).toString("base64url")}`;
}

/** The session whose page `token` opens, or null. */
export function sessionByPageToken(context: SandboxContext, token: string): CheckoutSessionRecord | null {
  const hash = hashPageToken(token);
  for (const session of context.state.checkoutSessions.values()) {
    if (session.pageTokenHash === hash) return session;
  }
  return null;
}

/** As GET /checkout-sessions/{id} answers it (no public token: only the create answer has one). */
export function checkoutSessionObject(record: CheckoutSessionRecord): CheckoutSessionsGetResponse["data"] {
  return {
    id: record.id,
    object: "checkout_session",
    status: record.status,
    mode: record.mode,
    amount_total: record.amountMinor,
    currency: record.currency,
    customer_id: record.customerId,
    payment_intent_id: record.paymentIntentId,
    invoice_id: record.invoiceId,
    subscription_id: record.subscriptionId,
    url: record.url,
    success_url: record.successUrl,
    cancel_url: record.cancelUrl,
    expires_at: toIso(record.expiresAt),
    created_at: toIso(record.createdAt),
    allowed_methods: [...record.allowedMethods],
    selected_method: record.selectedMethod,
  };
}

/** Ends an open session; `at` is when, in sandbox time (now, or the moment its time ran out). */
export function expireCheckout(context: SandboxContext, session: CheckoutSessionRecord, at = context.clock.now()): void {
  session.status = "expired";
  session.expiredAt = at;
  context.webhooks.emit("checkout.session.expired", checkoutSessionObject(session), { status: "open" });
}

/** Open sessions past their time expire, as RevKeen expires them: with checkout.session.expired. */
export function settleCheckoutSessions(context: SandboxContext): void {
  const now = context.clock.now();
  for (const session of context.state.checkoutSessions.values()) {
    if (session.status === "open" && session.expiresAt <= now) expireCheckout(context, session, session.expiresAt);
  }
}
