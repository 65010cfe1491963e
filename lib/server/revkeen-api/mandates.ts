import "server-only";
// The customer portal's Direct Debit operations, made with the customer's portal token: listing
// and cancelling mandates, and the three steps of a change of bank. Each status RevKeen answers
// has a meaning of its own per step, so each operation carries its table of refusals;
// ./send.ts sends it and applies the general rules to the rest.
import { PortalError, type PortalErrorCode } from "@/lib/shared/portal-api/errors";
import {
  mandateCodeSentSchema,
  mandateVerificationSchema,
  portalMandateSchema,
  reauthorizeMandateBodySchema,
  verifyMandateCodeBodySchema,
  type CancelMandateBody,
  type PortalMandate,
  type ReauthorizeMandateBody,
} from "@/lib/shared/revkeen-api/mandates";
import { dataSchema, listSchema, upstreamError, type PortalList } from "@/lib/shared/revkeen-api/wire";
import { checkedId, parser, send } from "./send";

const mandateList = parser(listSchema(portalMandateSchema));
const mandateResponse = parser(dataSchema(portalMandateSchema));
const mandateCodeSent = parser(mandateCodeSentSchema);
const mandateVerification = parser(mandateVerificationSchema);
// A 201 that cannot be read still means the change was made.
const reauthorizedMandate = parser(dataSchema(portalMandateSchema), "mandate:must_reconcile");

/** A mandate step's refusal: its own meaning of a status, and a 403 as self-service being off (as on every step). */
function mandateRefusal(status: number, meanings: Partial<Record<number, PortalErrorCode>>): PortalError | undefined {
  const code = status === 403 ? "mandate:self_service_off" : meanings[status];
  return code === undefined ? undefined : new PortalError(code);
}

/** The customer's Direct Debit mandates; mandate:self_service_off when the merchant does not offer them here. */
export function listMandates(token: string): Promise<PortalList<PortalMandate>> {
  return send({
    operation: "mandates.list",
    method: "GET",
    path: "/customer-portal/mandates",
    credential: { kind: "portal", token },
    notFound: "customer:not_found",
    // Every portal page asks (the navigation): most merchants have no self-service, which is no fault.
    expectedStatuses: [403],
    refusal: (status) => mandateRefusal(status, {}),
    parse: mandateList,
  });
}

export async function cancelMandate(token: string, id: string, body: CancelMandateBody, idempotencyKey: string): Promise<PortalMandate> {
  return send({
    operation: "mandates.cancel",
    method: "POST",
    path: `/customer-portal/mandates/${checkedId(id, "mandate:not_found")}/cancel`,
    body,
    credential: { kind: "portal", token },
    idempotencyKey,
    notFound: "mandate:not_found",
    // RevKeen's 400 is "already cancelled or invalid"; the app sends only valid bodies and ids.
    refusal: (status, response) => mandateRefusal(status, { 400: mentions(response, /cancel/i) ? "mandate:already_cancelled" : "request:invalid" }),
    parse: (response) => mandateResponse(response).data,
  });
}

/** Step one of a change of bank: RevKeen e-mails the customer a code. */
export async function sendMandateCode(token: string, id: string): Promise<void> {
  const answer = await send({
    operation: "mandates.send_otp",
    method: "POST",
    path: `/customer-portal/mandates/${checkedId(id, "mandate:not_found")}/re-authorize/send-otp`,
    credential: { kind: "portal", token },
    notFound: "mandate:not_found",
    refusal: (status) =>
      mandateRefusal(status, {
        // "Direct Debit not enabled": as good as self-service being off, for the customer.
        400: "mandate:self_service_off",
        409: "mandate:not_amendable",
        422: "mandate:no_email",
      }),
    parse: mandateCodeSent,
  });
  // Nothing says a code is on its way: the customer would wait for mail that never comes.
  if (!answer.ok) throw new PortalError("upstream:unavailable");
}

/** Step two: the code the customer received, traded for the token the change must carry. */
export async function verifyMandateCode(token: string, id: string, code: string): Promise<string> {
  const path = `/customer-portal/mandates/${checkedId(id, "mandate:not_found")}/re-authorize/verify-otp`;
  const body = verifyMandateCodeBodySchema.safeParse({ code });
  if (!body.success) throw new PortalError("mandate:code_invalid");
  const answer = await send({
    operation: "mandates.verify_otp",
    method: "POST",
    path,
    body: body.data,
    credential: { kind: "portal", token },
    notFound: "mandate:not_found",
    refusal: (status, response) => mandateRefusal(status, { 400: codeRefusal(response), 422: "mandate:no_email" }),
    parse: mandateVerification,
  });
  return answer.verification_token;
}

/**
 * Step three: the new bank details, with the verification token. Never repeated automatically: a
 * failure after RevKeen may have passed the details on leaves the customer told not to send them
 * again (mandate:must_reconcile). The details go into the request body and nowhere else.
 */
export async function reauthorizeMandate(token: string, id: string, details: ReauthorizeMandateBody, idempotencyKey: string): Promise<PortalMandate> {
  const path = `/customer-portal/mandates/${checkedId(id, "mandate:not_found")}/re-authorize`;
  const body = reauthorizeMandateBodySchema.safeParse(details);
  if (!body.success) throw new PortalError("mandate:details_invalid");
  return send({
    operation: "mandates.reauthorize",
    method: "POST",
    path,
    body: body.data,
    credential: { kind: "portal", token },
    idempotencyKey,
    retry: "never",
    outcomeUnknown: "mandate:must_reconcile",
    notFound: "mandate:not_found",
    refusal: (status, response) =>
      mandateRefusal(status, {
        // A refused verification token needs a new code; anything else is the details themselves.
        400: mentions(response, /verification|token/i) ? "mandate:verification_expired" : "mandate:details_invalid",
        409: mentions(response, /idempotency/i) ? "upstream:conflict" : "mandate:amendment_in_progress",
        422: "mandate:account_incomplete",
        // The provider may have the new details: only reconciling can tell.
        500: "mandate:must_reconcile",
        502: "mandate:must_reconcile",
        503: "mandate:bank_storage_unavailable",
      }),
    parse: (response) => reauthorizedMandate(response).data,
  });
}

/** RevKeen's 400 for a code is "invalid or expired": its words tell which, and a lock-out after too many tries. */
function codeRefusal(response: unknown): PortalErrorCode {
  if (mentions(response, /too many|attempts/i)) return "mandate:code_attempts_exceeded";
  if (mentions(response, /expired/i)) return "mandate:code_expired";
  return "mandate:code_invalid";
}

/** Whether RevKeen's error code or message matches `pattern`, for steps whose status has several meanings. */
function mentions(body: unknown, pattern: RegExp): boolean {
  const { code, message } = upstreamError(body);
  return pattern.test(`${code ?? ""} ${message ?? ""}`);
}
