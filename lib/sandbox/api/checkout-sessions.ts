// The merchant's hosted checkout: POST /v2/checkout-sessions, GET /v2/checkout-sessions/{id} and
// POST /v2/checkout-sessions/{id}/expire, with the merchant key. The customer pays on the page at the
// session's `url` (../checkout/), never through these.
import { randomBytes, randomUUID } from "node:crypto";
import type { CheckoutSessionsCreateData, CheckoutSessionsCreateResponse, CheckoutSessionsExpireResponse, CheckoutSessionsGetResponse } from "@revkeen/sdk";
import { z } from "zod";
import { toIso } from "../data/calendar";
import { isPayable } from "../data/checkout-payments";
import { CHECKOUT_PAGE_PATH, CHECKOUT_SESSION_TTL_MS, checkoutSessionObject, expireCheckout, hashPageToken, newPageToken } from "../data/checkout-sessions";
import type { SandboxContext } from "../entry/context";
import { requireMerchantKey } from "./credentials";
import { ApiError } from "../http/errors";
import { readIdempotencyKey } from "./idempotency";
import type { OperationInput } from "./operations";
import { findProduct } from "./products";
import { requirePathId } from "../http/path-ids";
import type { CheckoutSessionRecord } from "../data/records";
import { jsonReply, type Reply } from "../http/reply";
import { parseInput, parseJsonBody, readBodyText } from "../http/request-input";
import { settle } from "../data/time-passes";

/** Sessions remembered at once, oldest out first: a script creating in a loop fills no memory. */
const MAX_SESSIONS = 1_000;
const METHODS = ["card", "direct_debit", "pay_by_bank", "in_store"] as const;
/** What the sandbox's page can take; RevKeen intersects the asked methods with the merchant's. */
const SANDBOX_METHODS: readonly string[] = ["card"];

function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}

const returnUrlSchema = z
  .string("must be a string")
  .max(2048, "must be at most 2048 characters")
  .refine(isAbsoluteHttpUrl, "must be an absolute http(s) URL, e.g. https://shop.example/billing");

const createSchema = z
  .object(
    {
      invoiceId: z.uuid("must be an invoice id (a UUID)").optional(),
      productId: z.string("must be a string").min(1, "must not be empty").max(100, "must be at most 100 characters").optional(),
      amountMinor: z.int("must be a whole number of minor units").min(1, "must be at least 1").max(100_000_000, "must be at most 100000000").optional(),
      currency: z.string("must be a string").regex(/^[A-Za-z]{3}$/, "must be a three-letter ISO 4217 code, e.g. GBP").optional(),
      successUrl: returnUrlSchema.optional(),
      cancelUrl: returnUrlSchema.optional(),
      allowedMethods: z.array(z.enum(METHODS, `must each be one of ${METHODS.join(", ")}`), "must be an array").min(1, "must name at least one method").optional(),
    },
    "must be a JSON object",
  )
  .superRefine((body, ctx) => {
    const amount = body.amountMinor !== undefined || body.currency !== undefined;
    const targets = [body.invoiceId !== undefined, body.productId !== undefined, amount].filter(Boolean).length;
    if (targets !== 1) {
      ctx.addIssue({ code: "custom", path: ["body"], message: "name exactly one thing to pay: invoiceId, productId, or amountMinor with currency" });
    } else if (amount && (body.amountMinor === undefined || body.currency === undefined)) {
      ctx.addIssue({ code: "custom", path: [body.amountMinor === undefined ? "amountMinor" : "currency"], message: "is required with an amount: send amountMinor and currency together" });
    }
  });

type CreateBody = z.output<typeof createSchema>;

interface Target {
  mode: CheckoutSessionRecord["mode"];
  amountMinor: number;
  currency: string;
  customerId: string | null;
  invoiceId: string | null;
  productId: string | null;
}

function targetOf(context: SandboxContext, body: NonNullable<CheckoutSessionsCreateData["body"]>): Target {
  if (body.invoiceId !== undefined) {
    const record = context.state.invoices.get(body.invoiceId.toLowerCase());
    if (!record) throw new ApiError("resource_missing", "No such invoice.");
    if (!isPayable(record)) {
      throw new ApiError("invoice_not_open", `This invoice is ${record.invoice.status}: there is nothing left to pay on it.`);
    }
    const invoice = record.invoice;
    // isPayable has checked both are there.
    return { mode: "payment", amountMinor: invoice.amount_due ?? 0, currency: invoice.currency ?? "", customerId: record.customerId, invoiceId: invoice.id, productId: null };
  }
  if (body.productId !== undefined) {
    // Not the customer's: a checkout for a product alone does not know who pays.
    const product = findProduct(context, body.productId.toLowerCase());
    return { mode: product.kind === "subscription" ? "subscription" : "payment", amountMinor: product.amountMinor, currency: product.currency, customerId: null, invoiceId: null, productId: product.id };
  }
  return { mode: "payment", amountMinor: body.amountMinor ?? 0, currency: (body.currency ?? "").toUpperCase(), customerId: null, invoiceId: null, productId: null };
}

function allowedMethods(asked: CreateBody["allowedMethods"]): string[] {
  if (asked === undefined) return [...SANDBOX_METHODS];
  const allowed = SANDBOX_METHODS.filter((method) => asked.some((candidate) => candidate === method));
  if (allowed.length === 0) throw new ApiError("invalid_request", "Invalid allowedMethods: the sandbox's checkout takes card only, so it must include card.");
  return allowed;
}

function remember(context: SandboxContext, record: CheckoutSessionRecord): void {
  const sessions = context.state.checkoutSessions;
  sessions.set(record.id, record);
  for (const id of sessions.keys()) {
    if (sessions.size <= MAX_SESSIONS) break;
    sessions.delete(id);
  }
}

/** RevKeen's id for the request, in the body as its SDK types it and in the header as on every answer. */
function newRequestId(): string {
  return `req_${randomUUID().replaceAll("-", "")}`;
}

function replyWithRequestId(status: number, body: { requestId: string }): Reply {
  return jsonReply(status, body, { "x-request-id": body.requestId });
}

export async function createCheckoutSession(context: SandboxContext, { request, url }: OperationInput): Promise<Reply> {
  const scope = requireMerchantKey(request, context.apiKey);
  const key = readIdempotencyKey(request);
  const bodyText = await readBodyText(request);
  const body = parseInput(createSchema, parseJsonBody(bodyText, { optional: false }), "body");
  // What the SDK sends is what the schema reads.
  const sdkInput: NonNullable<CheckoutSessionsCreateData["body"]> = body;
  const methods = allowedMethods(body.allowedMethods);
  const now = context.clock.now();
  const fingerprint = { scope, key, method: request.method, path: url.pathname, body: bodyText };

  return context.idempotency.run(fingerprint, now, () => {
    settle(context);
    const target = targetOf(context, sdkInput);
    const successUrl = body.successUrl ?? null;
    const cancelUrl = body.cancelUrl ?? null;
    const origin = context.checkoutOrigin(successUrl ?? cancelUrl) ?? url.origin;
    const pageToken = newPageToken();
    const record: CheckoutSessionRecord = {
      id: randomUUID(),
      pageTokenHash: hashPageToken(pageToken),
      status: "open",
      ...target,
      subscriptionId: null,
      paymentIntentId: null,
      url: `${origin}${CHECKOUT_PAGE_PATH}${pageToken}`,
      successUrl,
      cancelUrl,
      allowedMethods: methods,
      selectedMethod: null,
      createdAt: now,
      expiresAt: now + CHECKOUT_SESSION_TTL_MS,
      expiredAt: null,
    };
    remember(context, record);
    const created: CheckoutSessionsCreateResponse = {
      data: {
        id: record.id,
        url: record.url,
        // For embedding RevKeen's checkout in the merchant's own page; the sandbox's page does not use it.
        public_token: `cspub_${randomBytes(24).toString("base64url")}`,
        amount_minor: record.amountMinor,
        currency: record.currency,
        ...(record.customerId === null ? {} : { customer_id: record.customerId }),
        expires_at: toIso(record.expiresAt),
        allowed_methods: [...record.allowedMethods],
        selected_method: null,
      },
      requestId: newRequestId(),
    };
    return replyWithRequestId(201, created);
  });
}

function sessionFor(context: SandboxContext, params: string[]): CheckoutSessionRecord {
  const id = requirePathId(params[0], "checkout session");
  settle(context);
  const record = context.state.checkoutSessions.get(id);
  if (!record) throw new ApiError("resource_missing", "No such checkout session.");
  return record;
}

export function getCheckoutSession(context: SandboxContext, { request, params }: OperationInput): Reply {
  requireMerchantKey(request, context.apiKey);
  const body: CheckoutSessionsGetResponse = { data: checkoutSessionObject(sessionFor(context, params)), requestId: newRequestId() };
  return replyWithRequestId(200, body);
}

export async function expireCheckoutSession(context: SandboxContext, { request, url, params }: OperationInput): Promise<Reply> {
  const scope = requireMerchantKey(request, context.apiKey);
  const id = requirePathId(params[0], "checkout session");
  const key = readIdempotencyKey(request);
  const bodyText = await readBodyText(request);
  const fingerprint = { scope, key, method: request.method, path: url.pathname, body: bodyText };

  return context.idempotency.run(fingerprint, context.clock.now(), () => {
    const record = sessionFor(context, [id]);
    if (record.status !== "open") {
      throw new ApiError("conflict", `This checkout session is ${record.status === "complete" ? "complete" : "already expired"}: only an open session can be expired.`);
    }
    expireCheckout(context, record);
    const body: CheckoutSessionsExpireResponse = { data: { id: record.id, status: "expired", expired_at: toIso(record.expiredAt ?? context.clock.now()) }, requestId: newRequestId() };
    return replyWithRequestId(200, body);
  });
}
