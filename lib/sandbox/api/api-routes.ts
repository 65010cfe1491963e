// The API under /v2: the customer-portal operations (Direct Debit mandates included) and the
// merchant's customer, entitlement, product, subscription, payment-method and hosted checkout
// operations, with routing, faults, and the call log around the operation handlers.
import { randomUUID } from "node:crypto";
import { toIso } from "../data/calendar";
import { cancelSubscription } from "./cancel-subscription";
import { createCheckoutSession, expireCheckoutSession, getCheckoutSession } from "./checkout-sessions";
import type { SandboxContext } from "../entry/context";
import { createSession } from "./create-session";
import { createCustomer, getCustomerById } from "./customers";
import { createSubscription } from "./create-subscription";
import { checkEntitlement, listEntitlements } from "./entitlements";
import { ApiError, errorReply, internalError, methodNotAllowed, routeNotFound } from "../http/errors";
import { idempotencyKeyHash } from "../controls/call-log";
import { delay, faultKind, playFault, SandboxConnectionDrop, type PendingFault } from "../controls/faults";
import { reauthorizeMandate, sendMandateCode, verifyMandateCode } from "./mandate-reauthorize";
import { cancelMandate, listMandates } from "./mandates";
import type { OperationInput, OperationName } from "./operations";
import { getMerchantSubscription, listMerchantSubscriptions } from "./merchant-subscriptions";
import { listPaymentMethods } from "./payment-methods";
import { getCustomer, getInvoice, getSubscription, listInvoices, listSubscriptions } from "./portal-reads";
import { getProduct, listProducts } from "./products";
import { updateSubscription } from "./update-subscription";
import type { Reply } from "../http/reply";
import { matchRoute, type Route } from "../http/router";

interface ApiOperation {
  operation: OperationName;
  run(context: SandboxContext, input: OperationInput): Reply | Promise<Reply>;
}

const PREFIX = "/v2/customer-portal";
const SEGMENT = "([^/]+)";

const API_ROUTES: readonly Route<ApiOperation>[] = [
  { pattern: new RegExp(`^${PREFIX}/sessions$`), methods: { POST: { operation: "sessions.create", run: createSession } } },
  { pattern: new RegExp(`^${PREFIX}/customer$`), methods: { GET: { operation: "customer.get", run: getCustomer } } },
  { pattern: new RegExp(`^${PREFIX}/subscriptions$`), methods: { GET: { operation: "subscriptions.list", run: listSubscriptions } } },
  { pattern: new RegExp(`^${PREFIX}/subscriptions/${SEGMENT}$`), methods: { GET: { operation: "subscriptions.get", run: getSubscription } } },
  {
    pattern: new RegExp(`^${PREFIX}/subscriptions/${SEGMENT}/cancel$`),
    methods: { POST: { operation: "subscriptions.cancel", run: cancelSubscription } },
  },
  { pattern: new RegExp(`^${PREFIX}/invoices$`), methods: { GET: { operation: "invoices.list", run: listInvoices } } },
  { pattern: new RegExp(`^${PREFIX}/invoices/${SEGMENT}$`), methods: { GET: { operation: "invoices.get", run: getInvoice } } },
  { pattern: new RegExp(`^${PREFIX}/mandates$`), methods: { GET: { operation: "mandates.list", run: listMandates } } },
  { pattern: new RegExp(`^${PREFIX}/mandates/${SEGMENT}/cancel$`), methods: { POST: { operation: "mandates.cancel", run: cancelMandate } } },
  {
    pattern: new RegExp(`^${PREFIX}/mandates/${SEGMENT}/re-authorize/send-otp$`),
    methods: { POST: { operation: "mandates.send_otp", run: sendMandateCode } },
  },
  {
    pattern: new RegExp(`^${PREFIX}/mandates/${SEGMENT}/re-authorize/verify-otp$`),
    methods: { POST: { operation: "mandates.verify_otp", run: verifyMandateCode } },
  },
  {
    pattern: new RegExp(`^${PREFIX}/mandates/${SEGMENT}/re-authorize$`),
    methods: { POST: { operation: "mandates.reauthorize", run: reauthorizeMandate } },
  },
  { pattern: /^\/v2\/customers$/, methods: { POST: { operation: "customers.create", run: createCustomer } } },
  { pattern: new RegExp(`^/v2/customers/${SEGMENT}$`), methods: { GET: { operation: "customers.get", run: getCustomerById } } },
  { pattern: /^\/v2\/entitlements\/check$/, methods: { GET: { operation: "entitlements.check", run: checkEntitlement } } },
  { pattern: /^\/v2\/entitlements$/, methods: { GET: { operation: "entitlements.list", run: listEntitlements } } },
  {
    pattern: new RegExp(`^/v2/customers/${SEGMENT}/payment-methods$`),
    methods: { GET: { operation: "payment_methods.list", run: listPaymentMethods } },
  },
  { pattern: /^\/v2\/products$/, methods: { GET: { operation: "products.list", run: listProducts } } },
  { pattern: new RegExp(`^/v2/products/${SEGMENT}$`), methods: { GET: { operation: "products.get", run: getProduct } } },
  {
    pattern: /^\/v2\/subscriptions$/,
    methods: {
      GET: { operation: "merchant_subscriptions.list", run: listMerchantSubscriptions },
      POST: { operation: "merchant_subscriptions.create", run: createSubscription },
    },
  },
  {
    pattern: new RegExp(`^/v2/subscriptions/${SEGMENT}$`),
    methods: {
      GET: { operation: "merchant_subscriptions.get", run: getMerchantSubscription },
      PATCH: { operation: "merchant_subscriptions.update", run: updateSubscription },
    },
  },
  { pattern: /^\/v2\/checkout-sessions$/, methods: { POST: { operation: "checkout_sessions.create", run: createCheckoutSession } } },
  { pattern: new RegExp(`^/v2/checkout-sessions/${SEGMENT}$`), methods: { GET: { operation: "checkout_sessions.get", run: getCheckoutSession } } },
  {
    pattern: new RegExp(`^/v2/checkout-sessions/${SEGMENT}/expire$`),
    methods: { POST: { operation: "checkout_sessions.expire", run: expireCheckoutSession } },
  },
];

/** Belt and braces: a secret misplaced in a query string still never reaches the log. */
function redact(path: string): string {
  return path
    .replace(/rkcps_[A-Za-z0-9_-]*/g, "rkcps_[redacted]")
    .replace(/rk_(live|sandbox)_[A-Za-z0-9_]*/g, "rk_$1_[redacted]")
    .replace(/(cst|cspub)_[A-Za-z0-9_-]*/g, "$1_[redacted]");
}

async function runOperation(context: SandboxContext, api: ApiOperation, input: OperationInput): Promise<Reply> {
  try {
    return await api.run(context, input);
  } catch (error) {
    if (error instanceof ApiError) return errorReply(error);
    if (error instanceof SandboxConnectionDrop || input.request.signal.aborted) throw error;
    console.error(`[sandbox] ${api.operation} failed unexpectedly:`, error);
    return errorReply(internalError());
  }
}

/** The `latency_ms` setting: a slow network in front of every API answer, abandoned if the caller aborts. */
async function addLatency(context: SandboxContext, request: Request): Promise<void> {
  if (context.latencyMs > 0) await delay(context.latencyMs, request.signal);
}

export async function handleApi(context: SandboxContext, request: Request, url: URL): Promise<Reply> {
  const match = matchRoute(API_ROUTES, request.method, url.pathname);
  if (match.kind === "not_found") {
    await addLatency(context, request);
    return errorReply(routeNotFound());
  }
  if (match.kind === "method_not_allowed") {
    await addLatency(context, request);
    return errorReply(methodNotAllowed(match.allow));
  }

  const api = match.handler;
  const fault: PendingFault | null = context.faults.take(api.operation);
  const entry = {
    operation: api.operation,
    method: request.method,
    path: redact(url.pathname + url.search),
    fault: fault ? faultKind(fault) : null,
    idempotency_key_hash: idempotencyKeyHash(request.headers.get("idempotency-key")),
    replayed: false,
    at: toIso(context.clock.now()),
  };
  try {
    await addLatency(context, request);
    const before = fault && !fault.lose_answer ? await playFault(fault, request.signal) : null;
    const answer = before ?? (await runOperation(context, api, { request, url, params: match.params }));
    entry.replayed = before === null && answer.headers["idempotent-replayed"] === "true";
    const reply = fault?.lose_answer ? ((await playFault(fault, request.signal)) ?? answer) : answer;
    context.calls.record({ ...entry, status: reply.status });
    // RevKeen's id for the request, which a merchant quotes to its support (the one in the body, where there is one).
    return { ...reply, headers: { "x-request-id": `req_${randomUUID().replaceAll("-", "")}`, ...reply.headers } };
  } catch (error) {
    // Dropped or abandoned: the call happened, but nobody received an answer.
    context.calls.record({ ...entry, status: null });
    throw error;
  }
}
