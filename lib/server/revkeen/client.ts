import "server-only";
// The only code that speaks to RevKeen. It knows the base URL, both credentials, the timeout and
// the retry rule, and turns every answer into the app's own types or a PortalError.
//
// A thin typed fetch rather than @revkeen/sdk's functions: the app needs redirects refused, a
// timeout and a retry that reuses the Idempotency-Key, zod checks on every answer, the session
// response read in all of its documented shapes, and an in-process transport for sandbox mode.
// The SDK's types are still used as a compile-time check (schemas.sdk-check.ts).
import type { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { log } from "@/lib/server/logging/log";
import { PortalError, type PortalErrorCode } from "@/lib/shared/portal-api/errors";
import { runWithRequestId } from "@/lib/server/logging/request-id";
import {
  dataSchema,
  entitlementCheckSchema,
  listSchema,
  mandateCodeSentSchema,
  mandateVerificationSchema,
  merchantCustomerSchema,
  portalCustomerSchema,
  portalInvoiceSchema,
  portalMandateSchema,
  portalSubscriptionSchema,
  reauthorizeMandateBodySchema,
  uuidSchema,
  verifyMandateCodeBodySchema,
  type CancelMandateBody,
  type CancelSubscriptionBody,
  type EntitlementCheck,
  type ListQuery,
  type MerchantCustomer,
  type PortalCustomer,
  type PortalInvoice,
  type PortalList,
  type PortalMandate,
  type PortalSubscription,
  type ReauthorizeMandateBody,
} from "../../shared/revkeen-api/schemas";
import { parseSessionResponse, SessionResponseError, type MintedSession } from "../../shared/revkeen-api/session-response";
import { parseJsonText, REVKEEN_API_VERSION, upstreamError } from "@/lib/shared/revkeen-api/wire";
import { UpstreamResponseTooLarge } from "./response-size-limit";
import { upstream } from "./transport";
import type { UpstreamResponse } from "./transport-types";

type Credential = { kind: "merchant" } | { kind: "portal"; token: string };

type Call<T> = {
  operation: string;
  method: "GET" | "POST";
  path: string;
  query?: ListQuery;
  /** Other query parameters, for the merchant's operations. */
  search?: Record<string, string>;
  body?: unknown;
  credential: Credential;
  idempotencyKey?: string;
  /** What a 404 means for this call. */
  notFound: PortalErrorCode;
  /** Answers this call meets in normal use rather than as failures (a setting, not a fault): logged as info. */
  expectedStatuses?: readonly number[];
  /**
   * What this call makes of an error status before the general rules: a 4xx, or a 5xx that the
   * step gives a meaning of its own. Undefined leaves it to the general rules.
   */
  refusal?: (status: number, body: unknown) => PortalError | undefined;
  /**
   * "never": not repeated automatically, not even under its Idempotency-Key. For a change that the
   * customer alone may decide to send again, knowing it may already have been made.
   */
  retry?: "never";
  /** What a call with no usable answer (unreachable, timed out, unreadable) fails with; upstream:unavailable by default. */
  outcomeUnknown?: PortalErrorCode;
  parse: (body: unknown) => T;
};

class RetryableFailure extends Error {}

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

const customerResponse = parser(dataSchema(portalCustomerSchema));
const subscriptionResponse = parser(dataSchema(portalSubscriptionSchema));
const subscriptionList = parser(listSchema(portalSubscriptionSchema));
const invoiceResponse = parser(dataSchema(portalInvoiceSchema));
const invoiceList = parser(listSchema(portalInvoiceSchema));

export function getCustomer(token: string): Promise<PortalCustomer> {
  return read(token, "customer.get", "/customer-portal/customer", "customer:not_found", (body) => customerResponse(body).data);
}

export function listSubscriptions(token: string, query: ListQuery = {}): Promise<PortalList<PortalSubscription>> {
  return read(token, "subscriptions.list", "/customer-portal/subscriptions", "customer:not_found", subscriptionList, query);
}

export async function getSubscription(token: string, id: string): Promise<PortalSubscription> {
  const path = `/customer-portal/subscriptions/${checkedId(id, "subscription:not_found")}`;
  return read(token, "subscriptions.get", path, "subscription:not_found", (body) => subscriptionResponse(body).data);
}

export function listInvoices(token: string, query: ListQuery = {}): Promise<PortalList<PortalInvoice>> {
  return read(token, "invoices.list", "/customer-portal/invoices", "customer:not_found", invoiceList, query);
}

export async function getInvoice(token: string, id: string): Promise<PortalInvoice> {
  const path = `/customer-portal/invoices/${checkedId(id, "invoice:not_found")}`;
  return read(token, "invoices.get", path, "invoice:not_found", (body) => invoiceResponse(body).data);
}

export async function cancelSubscription(
  token: string,
  id: string,
  body: CancelSubscriptionBody,
  idempotencyKey: string,
): Promise<PortalSubscription> {
  return send({
    operation: "subscriptions.cancel",
    method: "POST",
    path: `/customer-portal/subscriptions/${checkedId(id, "subscription:not_found")}/cancel`,
    body,
    credential: { kind: "portal", token },
    idempotencyKey,
    notFound: "subscription:not_found",
    parse: (response) => subscriptionResponse(response).data,
  });
}

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

function read<T>(
  token: string,
  operation: string,
  path: string,
  notFound: PortalErrorCode,
  parse: (body: unknown) => T,
  query?: ListQuery,
): Promise<T> {
  return send({ operation, method: "GET", path, query, credential: { kind: "portal", token }, notFound, parse });
}

/** An answer that does not match the contract is an upstream failure (or `failure`), not a crash. */
function parser<S extends z.ZodType>(schema: S, failure: PortalErrorCode = "upstream:unavailable"): (body: unknown) => z.infer<S> {
  return (body) => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      log.error("revkeen.unexpected_response", { issues: parsed.error.issues.length });
      throw new PortalError(failure);
    }
    return parsed.data;
  };
}

/** Ids reach the upstream path only as UUIDs, so no input can change which path is called. */
function checkedId(id: string, notFound: PortalErrorCode): string {
  if (!uuidSchema.safeParse(id).success) throw new PortalError(notFound);
  return id;
}

function send<T>(call: Call<T>): Promise<T> {
  // Keys are UUIDs, like ids: no input puts text in a header, or in the error that would quote it into a log.
  if (call.idempotencyKey !== undefined && !uuidSchema.safeParse(call.idempotencyKey).success) return Promise.reject(new PortalError("request:invalid"));
  return runWithRequestId(() => sendWithRetry(call));
}

async function sendWithRetry<T>(call: Call<T>): Promise<T> {
  // Reads are safe to repeat; a write is only repeated under the same Idempotency-Key, unless it says never.
  const retryable = call.retry !== "never" && (call.method === "GET" || call.idempotencyKey !== undefined);
  try {
    return await attempt(call);
  } catch (error) {
    if (!(error instanceof RetryableFailure) || !retryable) throw unwrapFailure(call, error);
    log.warn("revkeen.retry", { operation: call.operation });
    try {
      return await attempt(call);
    } catch (second) {
      throw unwrapFailure(call, second);
    }
  }
}

function unwrapFailure(call: Call<unknown>, error: unknown): unknown {
  return error instanceof RetryableFailure ? new PortalError(call.outcomeUnknown ?? "upstream:unavailable", { cause: error }) : error;
}

async function attempt<T>(call: Call<T>): Promise<T> {
  const { baseUrl, apiKey, send: transport } = upstream();
  const url = new URL(baseUrl + call.path);
  for (const [name, value] of Object.entries({ ...call.query, ...call.search })) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers = new Headers({ accept: "application/json", "revkeen-version": REVKEEN_API_VERSION });
  if (call.credential.kind === "merchant") headers.set("x-api-key", apiKey);
  else headers.set("authorization", `Bearer ${call.credential.token}`);
  if (call.idempotencyKey !== undefined) headers.set("idempotency-key", call.idempotencyKey);
  if (call.body !== undefined) headers.set("content-type", "application/json");

  const started = performance.now();
  let response: UpstreamResponse;
  let text: string;
  try {
    // The timeout signal goes to the transport as it is, never inside a Request: see UpstreamInit.
    response = await transport(url, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(serverEnv().REVKEEN_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    if (error instanceof UpstreamResponseTooLarge) {
      // Not retried: the same question would bring the same answer.
      log.error("revkeen.response_too_large", { operation: call.operation });
      throw new PortalError(call.outcomeUnknown ?? "upstream:unavailable", { cause: error });
    }
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    log.warn("revkeen.unreachable", { operation: call.operation, reason: timedOut ? "timeout" : "network" });
    if (timedOut) throw new PortalError(call.outcomeUnknown ?? "upstream:unavailable", { cause: error });
    throw new RetryableFailure("network", { cause: error });
  }
  const elapsedMs = Math.round(performance.now() - started);

  if (response.status >= 300 && response.status < 400) {
    log.error("revkeen.redirect_refused", { operation: call.operation, status: response.status });
    throw new PortalError("upstream:unavailable");
  }
  if (response.status >= 500) {
    log.warn("revkeen.server_error", { operation: call.operation, status: response.status, elapsedMs });
    const own = call.refusal?.(response.status, parseJsonText(text));
    if (own) throw own;
    throw new RetryableFailure(`status ${response.status}`);
  }
  const body = parseJsonText(text);
  if (!response.ok) throw failure(call, response, body);
  if (body === undefined) {
    log.warn("revkeen.malformed_json", { operation: call.operation, status: response.status });
    throw new RetryableFailure("malformed JSON");
  }
  return call.parse(body);
}

function failure(call: Call<unknown>, response: UpstreamResponse, body: unknown): PortalError {
  const upstreamCode = upstreamError(body).code ?? "unknown";
  // RevKeen's own id for the request, so a merchant can quote it to RevKeen's support.
  const upstreamRequestId = response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined;
  const level = call.expectedStatuses?.includes(response.status) ? "info" : "warn";
  log[level]("revkeen.request_failed", { operation: call.operation, status: response.status, code: upstreamCode, upstream_request_id: upstreamRequestId });
  const own = call.refusal?.(response.status, body);
  if (own) return own;
  switch (response.status) {
    case 401:
      return new PortalError(call.credential.kind === "merchant" ? "upstream:rejected_key" : "portal:expired");
    case 403:
      return new PortalError("portal:forbidden");
    case 404:
      return new PortalError(call.notFound);
    case 409:
      return new PortalError("upstream:conflict");
    case 429:
      return new PortalError("upstream:rate_limited", { retryAfter: retryAfterSeconds(response) });
    default:
      return new PortalError("request:invalid");
  }
}

function retryAfterSeconds(response: UpstreamResponse): number | undefined {
  const header = response.headers.get("retry-after");
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
