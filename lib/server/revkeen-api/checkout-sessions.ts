import "server-only";
// RevKeen's hosted checkout, made with the merchant's key: a session to pay one invoice, and the
// session read back when the customer returns. Only lib/server/checkout/ calls these, after the
// customer's own portal token has shown the invoice to be theirs (docs/security.md).
// ./send.ts logs an operation's name, status and error code, never an answer's body: the session's
// `url` and `public_token` open the customer's payment page and stay out of the logs.
import {
  checkoutSessionSchema,
  createdCheckoutSessionSchema,
  type CheckoutSession,
  type CreateCheckoutSessionBody,
  type CreatedCheckoutSession,
} from "@/lib/shared/revkeen-api/checkout-sessions";
import { dataSchema } from "@/lib/shared/revkeen-api/wire";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { parser, send } from "./send";

const createdResponse = parser(dataSchema(createdCheckoutSessionSchema));
const sessionResponse = parser(dataSchema(checkoutSessionSchema));

/** RevKeen's checkout session ids are opaque: only these characters reach the path. */
const SESSION_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Creates a hosted checkout for one invoice. The Idempotency-Key makes a double press, a retry or
 * a second instance create one session. A 404 is an invoice RevKeen does not know; a 400 one it
 * will not take payment for (paid or void since the portal answered): both are "not payable".
 */
export function createCheckoutSession(body: CreateCheckoutSessionBody, idempotencyKey: string): Promise<CreatedCheckoutSession> {
  return send({
    operation: "checkout_sessions.create",
    method: "POST",
    path: "/checkout-sessions",
    body,
    credential: { kind: "merchant" },
    idempotencyKey,
    notFound: "invoice:not_found",
    refusal: (status) => (status === 400 ? new PortalError("invoice:not_payable") : undefined),
    parse: (response) => createdResponse(response).data,
  });
}

/** Where a checkout session stands; null for an id RevKeen does not know (or one not this merchant's). */
export async function getCheckoutSession(id: string): Promise<CheckoutSession | null> {
  if (!SESSION_ID.test(id)) return null;
  try {
    return await send({
      operation: "checkout_sessions.get",
      method: "GET",
      path: `/checkout-sessions/${id}`,
      credential: { kind: "merchant" },
      notFound: "route:not_found",
      expectedStatuses: [404],
      parse: (response) => sessionResponse(response).data,
    });
  } catch (error) {
    if (error instanceof PortalError && error.code === "route:not_found") return null;
    throw error;
  }
}
