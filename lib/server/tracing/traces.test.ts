// The spans the app records, with the SDK registered as instrumentation.ts registers it and an
// in-memory exporter in place of OTLP: a portal read, a merchant call, a write, bank details sent
// to RevKeen, a webhook and the database queries they make, run against the in-process sandbox
// under a stand-in for the request span Next opens. Each span sits under its request, carries what
// docs/observability.md lists, and no span (before scrubbing or after) holds a secret this test
// made or saw: the portal token, the API key, the webhook secret, the e-mail addresses, the bank
// details.
import { createHmac, randomUUID } from "node:crypto";
import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { registerOTel } from "@vercel/otel";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { BrowserUnderTest, TEST_ORIGIN } from "@/lib/testing/browser-under-test";
import { formData } from "@/lib/testing/form-data";

const browser = vi.hoisted(() => ({ current: null as BrowserUnderTest | null }));
vi.mock("next/headers", async () => (await import("@/lib/testing/browser-under-test")).nextHeadersOf(() => browser.current as BrowserUnderTest));
vi.mock("next/cache", () => ({ revalidateTag: () => undefined }));

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.AUTH_URL = TEST_ORIGIN;
process.env.REVKEEN_API_KEY = "";
process.env.DATABASE_URL = "";
process.env.DATABASE_DIR = "memory";

/** What a span looked like when it ended, before the scrubbing processor ran. */
type Recorded = { name: string; attributes: unknown; events: { name: string; attributes: unknown }[] };
const beforeScrubbing: Recorded[] = [];
const snapshot: SpanProcessor = {
  onStart: () => undefined,
  onEnd: (span) => void beforeScrubbing.push(JSON.parse(JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events.map(({ name, attributes }) => ({ name, attributes })) })) as Recorded),
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};
const exporter = new InMemorySpanExporter();
const { tracingConfiguration } = await import("./register-tracing");
const exporting = new SimpleSpanProcessor(exporter);
const configuration = tracingConfiguration(exporting);
registerOTel({ ...configuration, spanProcessors: [snapshot, ...(configuration.spanProcessors ?? [])], instrumentations: [] });

const { ADA_LOVELACE_ID, ADA_MANDATE_ACTIVE, ADA_PRO } = await import("@/lib/sandbox/data/seed");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
const { controlSandbox, withInProcessSandbox } = await import("@/lib/testing/sandbox-under-test");
const { signInAsDemoCustomer } = await import("@/lib/testing/sign-in-under-test");
const customerRoute = await import("@/app/api/portal/customer/route");
const sessionRoute = await import("@/app/portal/session/route");
const { cancelSubscriptionAction } = await import("@/app/portal/subscriptions/[id]/actions");
const { createCustomer } = await import("@/lib/server/revkeen-api/merchant");
const { reauthorizeMandate } = await import("@/lib/server/revkeen-api/mandates");
const { receiveWebhook } = await import("@/lib/server/webhooks/receive-webhook");
const { webhookSecret } = await import("@/lib/server/webhooks/webhook-secret");
const { database } = await import("@/lib/server/database/client");

const sandbox = inProcessSandbox();
/** Every credential the app sent RevKeen: the test then looks for each of them in the spans. */
const credentials = new Set<string>();
const watchedSandbox = new Proxy(sandbox, {
  get(target, property, receiver) {
    if (property !== "handle") return Reflect.get(target, property, receiver) as unknown;
    return (request: Request) => {
      for (const header of ["x-api-key", "authorization"]) {
        const value = request.headers.get(header);
        if (value) credentials.add(value.replace(/^Bearer /, ""));
      }
      return target.handle(request);
    };
  },
});

const EMAIL = `trace-${randomUUID()}@example.com`;
const IBAN = "GB33BUKB20201555555555";
const ACCOUNT_NUMBER = "55779911";
const SORT_CODE = "207164";
const tracer = trace.getTracer("the-test");

/** Runs `work` as Next runs a request: inside its server span, which the test then looks for. */
async function request(name: string, work: () => Promise<unknown>): Promise<string> {
  return tracer.startActiveSpan(name, async (span) => {
    try {
      await work();
    } finally {
      span.end();
    }
    return span.spanContext().spanId;
  });
}

function signedEvent(body: string): string {
  const at = Math.floor(Date.now() / 1000);
  return `t=${at},v1=${createHmac("sha256", webhookSecret() ?? "").update(`${at}.${body}`).digest("hex")}`;
}

let spans: ReadableSpan[] = [];
const requests: Record<string, string> = {};

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const spansNamed = (name: string) => spans.filter((span) => span.name === name);
function only(name: string): ReadableSpan {
  const found = spansNamed(name);
  expect(found, name).toHaveLength(1);
  return found[0] as ReadableSpan;
}
/** The request span `span` belongs to, however deep under it. */
function requestOf(span: ReadableSpan): string | undefined {
  const byId = new Map(spans.map((each) => [each.spanContext().spanId, each]));
  let current: ReadableSpan | undefined = span;
  for (let depth = 0; current !== undefined && depth < 10; depth += 1) {
    const parent = parentOf(current);
    if (parent !== undefined && Object.values(requests).includes(parent)) return parent;
    current = parent === undefined ? undefined : byId.get(parent);
  }
  return undefined;
}

beforeAll(async () => {
  await database();
  sandbox.reset();
  await withInProcessSandbox(watchedSandbox, async () => {
    browser.current = new BrowserUnderTest();
    await signInAsDemoCustomer(browser.current, ADA_LOVELACE_ID);
    const own = browser.current;
    requests.session = await request("GET /portal/session", async () => {
      own.take(await sessionRoute.GET(own.request("/portal/session?next=/portal", { headers: { "sec-fetch-site": "same-origin" } })));
    });
    // The customer read fails once with a 503 and is sent again.
    await controlSandbox(sandbox, "POST", "faults", { operation: "customer.get", status: 503, count: 1 });
    requests.read = await request("GET /api/portal/customer", async () => {
      expect((await customerRoute.GET(own.request("/api/portal/customer"), undefined)).status).toBe(200);
    });
    requests.merchant = await request("POST /reports", async () => {
      await createCustomer({ email: EMAIL, name: "Trace Test", metadata: {}, idempotencyKey: randomUUID() });
    });
    requests.write = await request("POST /portal/subscriptions/[id]", async () => {
      expect(await cancelSubscriptionAction({ status: "idle" }, formData({ subscriptionId: ADA_PRO, idempotencyKey: randomUUID() }))).toMatchObject({ status: "done" });
    });
    const portalToken = [...credentials].find((credential) => credential.startsWith("rkcps_")) ?? "";
    requests.bank = await request("POST /portal/direct-debit/[id]/change-bank", async () => {
      const details = {
        account_holder_name: "Ada King",
        sort_code: SORT_CODE,
        account_number: ACCOUNT_NUMBER,
        verification_token: "not-verified",
        acceptance: { accountHolder: true as const, soleSignatory: true as const },
      };
      // Refused (no code was verified): the call and its span happen all the same.
      await reauthorizeMandate(portalToken, ADA_MANDATE_ACTIVE, details, randomUUID()).catch(() => undefined);
    });
    requests.webhook = await request("POST /api/webhooks/revkeen", async () => {
      const body = JSON.stringify({
        id: `evt_${randomUUID()}`,
        object: "event",
        type: "mandate.updated",
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        data: { object: { id: ADA_MANDATE_ACTIVE, customer_id: ADA_LOVELACE_ID, email: EMAIL, iban: IBAN, account_number: ACCOUNT_NUMBER } },
      });
      const response = await receiveWebhook(new Request(`${TEST_ORIGIN}/api/webhooks/revkeen`, { method: "POST", headers: { "x-revkeen-signature": signedEvent(body) }, body }));
      expect(response.status).toBe(200);
    });
  });
  await exporting.forceFlush();
  spans = exporter.getFinishedSpans();
}, 120_000);

describe("the spans of RevKeen calls", () => {
  it("has one per call, under its request, with the operation, method, credential, status and RevKeen's request id", () => {
    const read = only("RevKeen customer.get");
    expect(parentOf(read)).toBe(requests.read);
    expect(read.attributes).toEqual({
      "revkeen.operation": "customer.get",
      "http.request.method": "GET",
      "revkeen.credential": "portal",
      "http.response.status_code": 200,
      "revkeen.request_id": expect.stringMatching(/^req_[0-9a-f]{32}$/),
      "http.request.resend_count": 1,
      // @vercel/otel's own: the tracer's name and the span's kind.
      "operation.name": "revkeen-portal.client",
    });
    expect(read.events.map((event) => [event.name, event.attributes])).toEqual([["revkeen.retry", { "revkeen.retry.reason": "status 503" }]]);

    const mint = only("RevKeen sessions.create");
    expect(parentOf(mint)).toBe(requests.session);
    expect(mint.attributes).toMatchObject({ "revkeen.credential": "merchant", "http.request.method": "POST" });

    const created = only("RevKeen customers.create");
    expect(parentOf(created)).toBe(requests.merchant);
    expect(created.attributes).toMatchObject({ "revkeen.operation": "customers.create", "revkeen.credential": "merchant", "http.response.status_code": 201 });
    expect(created.attributes["http.request.resend_count"]).toBeUndefined();

    const cancel = only("RevKeen subscriptions.cancel");
    expect(parentOf(cancel)).toBe(requests.write);
    expect(cancel.attributes).toMatchObject({ "http.request.method": "POST", "http.response.status_code": 200 });
    // Client spans take their length from the call: RevKeen's answer lies inside it.
    expect(cancel.duration[0] * 1e9 + cancel.duration[1]).toBeGreaterThan(0);
  });

  it("marks a refused call as an error by the app's code for it", () => {
    const bank = only("RevKeen mandates.reauthorize");
    expect(parentOf(bank)).toBe(requests.bank);
    expect(bank.status.code).toBe(2);
    expect(bank.attributes["error.type"]).toMatch(/^mandate:/);
    expect(bank.attributes["http.response.status_code"]).toBeGreaterThanOrEqual(400);
  });
});

describe("the span of a webhook", () => {
  it("has the event's type and id and what came of it, under its request, with its database queries under it", () => {
    const webhook = only("RevKeen webhook");
    expect(parentOf(webhook)).toBe(requests.webhook);
    expect(webhook.attributes).toEqual({
      "revkeen.webhook.event_type": "mandate.updated",
      "revkeen.webhook.event_id": expect.stringMatching(/^evt_/),
      "revkeen.webhook.outcome": "invalidated",
      "operation.name": "revkeen-portal",
    });
    const claim = only("db webhook_events.claim");
    expect(parentOf(claim)).toBe(webhook.spanContext().spanId);
  });
});

describe("the spans of database queries", () => {
  it("name the operation and each statement's kind and table, never the SQL or its parameters", () => {
    const claim = only("db webhook_events.claim");
    expect(claim.attributes).toEqual({ "db.system.name": "postgresql", "db.query.summary": "webhook_events.claim", "operation.name": "revkeen-portal.client" });
    // The first claim in a process also prunes old events: two statements, one event each.
    expect(claim.events.map((event) => [event.name, event.attributes])).toEqual([
      ["db.statement", { "db.operation.name": "DELETE", "db.collection.name": "webhook_events" }],
      ["db.statement", { "db.operation.name": "INSERT", "db.collection.name": "webhook_events" }],
    ]);
  });

  it("sit under the request that made them", () => {
    const database = spans.filter((span) => span.name.startsWith("db "));
    expect(database.length).toBeGreaterThan(1);
    for (const span of database) expect(requestOf(span), span.name).toBeDefined();
  });
});

describe("what no span holds", () => {
  it("saw the secrets it looks for", () => {
    expect([...credentials].some((credential) => credential.startsWith("rkcps_"))).toBe(true);
    expect([...credentials].some((credential) => credential.startsWith("rk_sandbox_"))).toBe(true);
    expect(webhookSecret()).toMatch(/^rk_wh_/);
  });

  it("holds no token, key, webhook secret, e-mail address or bank detail, before scrubbing or after", () => {
    const secrets = [...credentials, webhookSecret() ?? "", EMAIL, "ada@example.com", IBAN, ACCOUNT_NUMBER, SORT_CODE, "20-71-64"];
    const exported = spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events.map(({ name, attributes }) => ({ name, attributes })) }));
    expect(beforeScrubbing.length).toBe(exported.length);
    for (const recorded of [JSON.stringify(beforeScrubbing), JSON.stringify(exported)]) {
      for (const secret of secrets) expect(recorded.includes(secret), secret.slice(0, 6)).toBe(false);
    }
  });
});
