// Development controls under /__sandbox: reset, time travel, fault injection, token revocation, declining cards,
// response shape, call counts, the mail the sandbox "sent". Unauthenticated by design: the sandbox holds
// only demo data, and the app serves them in a production build only when SANDBOX_CONTROLS says
// so, and never while real people can sign in (app/%5F_sandbox/[...path]/route.ts). Another site's page must not drive them through a visitor's browser, so they answer only
// requests that no other site started, and a change only as JSON (which a plain form cannot send).
import { z } from "zod";
import { toIso } from "../data/calendar";
import type { SandboxContext } from "../entry/context";
import { checkoutSessionObject } from "../data/checkout-sessions";
import { describeCustomers } from "./demo-customers";
import { ApiError, errorReply, methodNotAllowed, routeNotFound } from "../http/errors";
import { faultRequestSchema } from "./faults";
import { jsonReply, type Reply } from "../http/reply";
import { setDeclines } from "./payment-method-declines";
import { parseInput, parseJsonBody, queryParams, readBodyText } from "../http/request-input";
import { matchRoute, type Route } from "../http/router";
import { SESSION_SHAPES } from "../api/session-shape";
import { webhookFaultSchema } from "../data/webhooks";
import { settle } from "../data/time-passes";

type ControlHandler = (context: SandboxContext, request: Request, params: string[]) => Reply | Promise<Reply>;

const TEN_YEARS_S = 10 * 366 * 86_400;

const clockSchema = z.object(
  {
    advance_seconds: z
      .number("must be a number of seconds")
      .positive("must be more than 0")
      .max(TEN_YEARS_S, "must be at most 10 years"),
  },
  "must be a JSON object",
);
const MAX_LATENCY_MS = 10_000;
const settingsSchema = z
  .object(
    {
      session_shape: z.enum(SESSION_SHAPES, `must be one of ${SESSION_SHAPES.join(", ")}`).optional(),
      latency_ms: z
        .int("must be a whole number of milliseconds")
        .min(0, "must not be negative")
        .max(MAX_LATENCY_MS, `must be at most ${MAX_LATENCY_MS}`)
        .optional(),
      direct_debit_self_service: z.boolean("must be true or false").optional(),
    },
    "must be a JSON object",
  )
  .refine((settings) => Object.values(settings).some((value) => value !== undefined), {
    path: ["settings"],
    message: "say what to change: session_shape, latency_ms or direct_debit_self_service",
  });
const emailsQuerySchema = z.object({ customer_id: z.uuid("must be a customer id (a UUID)").optional() });
const revokeSchema = z.object({ customer_id: z.uuid("must be a customer id (a UUID)").optional() }, "must be a JSON object").optional();

async function body<Schema extends z.ZodType>(request: Request, schema: Schema, optional: boolean): Promise<z.output<Schema>> {
  return parseInput(schema, parseJsonBody(await readBodyText(request), { optional }), "body");
}

function data(value: unknown): Reply {
  return jsonReply(200, { data: value });
}

function clockView(context: SandboxContext): Reply {
  return data({ now: toIso(context.clock.now()), offset_seconds: context.clock.offsetMs() / 1000 });
}

function settingsView(context: SandboxContext): Reply {
  return data({ session_shape: context.sessionShape, latency_ms: context.latencyMs, direct_debit_self_service: context.directDebitSelfService });
}

function cancellations(context: SandboxContext) {
  return [...context.state.subscriptions.values()]
    .filter(({ subscription }) => subscription.cancel_at !== null || subscription.status === "canceled")
    .map(({ customerId, cancellationReason, subscription }) => ({
      subscription_id: subscription.id,
      customer_id: customerId,
      status: subscription.status,
      cancel_at: subscription.cancel_at,
      canceled_at: subscription.canceled_at,
      reason: cancellationReason,
    }));
}

const CONTROL_INDEX = [
  "GET /__sandbox/customers",
  "POST /__sandbox/reset",
  "GET|POST /__sandbox/clock { advance_seconds }",
  "GET|POST|DELETE /__sandbox/faults { operation?, count?, status?, retry_after?, delay_ms?, drop?, malformed?, lose_answer? }",
  "POST /__sandbox/tokens/revoke { customer_id? }",
  "GET /__sandbox/cancellations",
  "GET /__sandbox/checkout-sessions",
  "GET|POST /__sandbox/settings { session_shape?, latency_ms?, direct_debit_self_service? }",
  "GET /__sandbox/emails?customer_id=",
  "POST /__sandbox/payment-methods/declines { customer_id | payment_method_id, declines? }",
  "GET|DELETE /__sandbox/calls",
  "GET /__sandbox/webhooks",
  "POST /__sandbox/webhooks/{id}/resend",
  "POST|DELETE /__sandbox/webhooks/faults { kind: duplicate|out_of_order|bad_signature|endpoint_down, count? }",
];

/** How long a reset waits for its webhooks: an endpoint that is down gets retried later, not awaited. */
const RESET_SETTLE_MS = 3_000;

async function settledWithin(context: SandboxContext, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([context.webhooks.settled(), bound]);
  clearTimeout(timer);
}

const CONTROL_ROUTES: readonly Route<ControlHandler>[] = [
  { pattern: /^\/__sandbox\/?$/, methods: { GET: () => data({ controls: CONTROL_INDEX }) } },
  { pattern: /^\/__sandbox\/customers$/, methods: { GET: (context) => data(describeCustomers(context.state)) } },
  {
    pattern: /^\/__sandbox\/reset$/,
    methods: {
      POST: async (context) => {
        context.reset();
        // An app may have cached what these customers had (entitlements): it learns of the change
        // as of any other, and the answer waits for that, so a test that resets starts clean.
        for (const customer of context.state.customers.values()) context.webhooks.emit("customer.updated", { ...customer });
        await settledWithin(context, RESET_SETTLE_MS);
        return data({ reset: true, now: toIso(context.clock.now()) });
      },
    },
  },
  {
    pattern: /^\/__sandbox\/clock$/,
    methods: {
      GET: clockView,
      POST: async (context, request) => {
        const { advance_seconds } = await body(request, clockSchema, false);
        context.clock.advance(Math.round(advance_seconds * 1000));
        settle(context);
        return clockView(context);
      },
    },
  },
  {
    pattern: /^\/__sandbox\/faults$/,
    methods: {
      GET: (context) => data(context.faults.list()),
      POST: async (context, request) => jsonReply(201, { data: context.faults.add(await body(request, faultRequestSchema, false)) }),
      DELETE: (context) => data({ cleared: context.faults.clear() }),
    },
  },
  {
    pattern: /^\/__sandbox\/tokens\/revoke$/,
    methods: {
      POST: async (context, request) => {
        const customerId = (await body(request, revokeSchema, true))?.customer_id ?? null;
        return data({ revoked: context.tokens.revoke(customerId?.toLowerCase() ?? null, context.clock.now()) });
      },
    },
  },
  {
    // The merchant's side of cancellations: the reasons the portal projection never shows.
    pattern: /^\/__sandbox\/cancellations$/,
    methods: { GET: (context) => data(cancellations(context)) },
  },
  {
    // Every hosted checkout, newest first, as GET /v2/checkout-sessions/{id} shows each.
    pattern: /^\/__sandbox\/checkout-sessions$/,
    methods: {
      GET: (context) => {
        settle(context);
        return data([...context.state.checkoutSessions.values()].reverse().map(checkoutSessionObject));
      },
    },
  },
  {
    pattern: /^\/__sandbox\/settings$/,
    methods: {
      GET: settingsView,
      POST: async (context, request) => {
        const settings = await body(request, settingsSchema, false);
        if (settings.session_shape !== undefined) context.sessionShape = settings.session_shape;
        if (settings.latency_ms !== undefined) context.latencyMs = settings.latency_ms;
        if (settings.direct_debit_self_service !== undefined) context.directDebitSelfService = settings.direct_debit_self_service;
        return settingsView(context);
      },
    },
  },
  {
    // The mail the sandbox would have sent (the one-time codes of bank-detail changes), newest first.
    pattern: /^\/__sandbox\/emails$/,
    methods: {
      GET: (context, request) => {
        const query = parseInput(emailsQuerySchema, queryParams(new URL(request.url), ["customer_id"]), "query");
        return data(context.oneTimeCodes.emails(query.customer_id?.toLowerCase()));
      },
    },
  },
  {
    // A card that declines: the way to play a failed first payment of POST /v2/subscriptions.
    pattern: /^\/__sandbox\/payment-methods\/declines$/,
    methods: { POST: (context, request) => setDeclines(context, request) },
  },
  {
    // Each webhook delivery, newest first: the event, every attempt and what the endpoint answered.
    pattern: /^\/__sandbox\/webhooks$/,
    methods: { GET: (context) => data(context.webhooks.deliveries()) },
  },
  {
    pattern: /^\/__sandbox\/webhooks\/faults$/,
    methods: {
      POST: async (context, request) => {
        const fault = await body(request, webhookFaultSchema, false);
        try {
          return jsonReply(201, { data: context.webhooks.addFault(fault.kind, fault.count) });
        } catch (error) {
          if (error instanceof RangeError) throw new ApiError("rate_limited", `${error.message} Clear them with DELETE /__sandbox/webhooks/faults.`);
          throw error;
        }
      },
      DELETE: (context) => data({ cleared: context.webhooks.clearFaults() }),
    },
  },
  {
    pattern: /^\/__sandbox\/webhooks\/([^/]+)\/resend$/,
    methods: {
      POST: (context, _request, params) => {
        const delivery = context.webhooks.resend(params[0] ?? "");
        if (!delivery) throw new ApiError("resource_missing", "No such webhook delivery.");
        return jsonReply(202, { data: delivery });
      },
    },
  },
  {
    pattern: /^\/__sandbox\/calls$/,
    methods: {
      GET: (context) => data(context.calls.summary()),
      DELETE: (context) => {
        context.calls.clear();
        return data(context.calls.summary());
      },
    },
  },
];

export function isControlPath(pathname: string): boolean {
  return pathname === "/__sandbox" || pathname.startsWith("/__sandbox/");
}

/** Sec-Fetch-Site or Origin naming another site: a page elsewhere made the visitor's browser send it. */
function fromAnotherSite(request: Request, url: URL): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return true;
  const origin = request.headers.get("origin");
  return origin !== null && origin !== url.origin;
}

function isJson(request: Request): boolean {
  return request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

export async function handleControl(context: SandboxContext, request: Request, url: URL): Promise<Reply> {
  if (fromAnotherSite(request, url)) {
    return errorReply(new ApiError("forbidden", "The sandbox's controls answer only this site's own pages and tools."));
  }
  if (request.method !== "GET" && request.method !== "HEAD" && !isJson(request)) {
    return errorReply(new ApiError("invalid_request", "Send the sandbox's controls Content-Type: application/json.", { status: 415 }));
  }
  const match = matchRoute(CONTROL_ROUTES, request.method, url.pathname);
  if (match.kind === "not_found") return errorReply(routeNotFound());
  if (match.kind === "method_not_allowed") return errorReply(methodNotAllowed(match.allow));
  try {
    return await match.handler(context, request, match.params);
  } catch (error) {
    if (error instanceof ApiError) return errorReply(error);
    throw error;
  }
}
