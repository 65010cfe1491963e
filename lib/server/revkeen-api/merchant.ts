import "server-only";
// The merchant's operations, made with the merchant's key: minting a customer's portal session,
// creating a customer, checking an entitlement. Each says what it asks and what its refusals
// mean; ./send.ts sends it.
import { serverEnv } from "@/lib/env/server";
import { log } from "@/lib/server/logging/log";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { entitlementCheckSchema, merchantCustomerSchema, type EntitlementCheck, type MerchantCustomer } from "@/lib/shared/revkeen-api/merchant";
import { parseSessionResponse, SessionResponseError, type MintedSession } from "@/lib/shared/revkeen-api/session-response";
import { dataSchema, upstreamError, uuidSchema } from "@/lib/shared/revkeen-api/wire";
import { checkedId, parser, send } from "./send";

export async function createPortalSession(input: {
  customerId: string;
  ttlMinutes?: number;
  idempotencyKey: string;
}): Promise<MintedSession> {
  if (!uuidSchema.safeParse(input.customerId).success) throw new PortalError("portal:no_account");
  const ttlMinutes = input.ttlMinutes ?? serverEnv().REVKEEN_PORTAL_TTL_MINUTES;
  return send({
    operation: "sessions.create",
    method: "POST",
    path: "/customer-portal/sessions",
    body: { customer_id: input.customerId, ttl_minutes: ttlMinutes },
    credential: { kind: "merchant" },
    idempotencyKey: input.idempotencyKey,
    notFound: "portal:no_account",
    parse: (body) => {
      try {
        return parseSessionResponse(body, { ttlMinutes });
      } catch (error) {
        if (error instanceof SessionResponseError) {
          log.error("revkeen.session_response_unusable", { reason: error.message });
          throw new PortalError("upstream:unavailable", { cause: error });
        }
        throw error;
      }
    },
  });
}

const merchantCustomerResponse = parser(dataSchema(merchantCustomerSchema));

/**
 * Creates a customer with the merchant's key, carrying `metadata` (the app's signed link to its
 * user: billingLinkMetadata). The Idempotency-Key makes a repeat (a double press, two instances, a
 * retry) create one customer.
 */
export function createCustomer(input: { email: string; name?: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<MerchantCustomer> {
  return send({
    operation: "customers.create",
    method: "POST",
    path: "/customers",
    body: { email: input.email, ...(input.name ? { name: input.name } : {}), metadata: input.metadata },
    credential: { kind: "merchant" },
    idempotencyKey: input.idempotencyKey,
    notFound: "upstream:unavailable",
    // RevKeen answers 400 when the e-mail already has a customer. Never linked by e-mail: an address
    // is not proof the record is this user's.
    refusal: (status, body) => (status === 400 && namesTakenEmail(body) ? new PortalError("portal:email_taken") : undefined),
    parse: (body) => merchantCustomerResponse(body).data,
  });
}

function namesTakenEmail(body: unknown): boolean {
  const { code, message } = upstreamError(body);
  const text = `${code ?? ""} ${message ?? ""}`.toLowerCase();
  return /e-?mail/.test(text) && /(exist|already|taken|in use|duplicate)/.test(text);
}

const entitlementCheckResponse = parser(dataSchema(entitlementCheckSchema));

/** Whether the customer has `benefitKey` now, with the merchant's key. */
export function checkEntitlement(customerId: string, benefitKey: string): Promise<EntitlementCheck> {
  return send({
    operation: "entitlements.check",
    method: "GET",
    path: "/entitlements/check",
    search: { customer_id: checkedId(customerId, "customer:not_found"), benefit_key: benefitKey },
    credential: { kind: "merchant" },
    notFound: "customer:not_found",
    parse: (body) => entitlementCheckResponse(body).data,
  });
}
