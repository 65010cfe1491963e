import { describe, expect, it } from "vitest";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { CallSummary } from "./call-log";
import { OPERATION_NAMES, type OperationName } from "../api/operations";
import { createSandbox } from "../entry/sandbox";
import { ADA_LOVELACE_ID, createSeed, EMILIE_DU_CHATELET_ID, GRACE_HOPPER_ID, KENJI_SATO_ID } from "../data/seed";
import { control, dataOf, errorOf, MERCHANT_KEY, mintRequest, mintToken, ORIGIN, portal, setup, START } from "../entry/test-support";

const seed = createSeed(START);
const adaPro = seed.subscriptions.find((record) => record.customerId === ADA_LOVELACE_ID && record.subscription.status === "active")?.subscription;

describe("GET /__sandbox/customers", () => {
  it("lists the demo customers with a one-line summary", async () => {
    const { sandbox } = setup();
    const response = await control(sandbox, "GET", "/customers");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await dataOf(response)).toEqual([
      { id: ADA_LOVELACE_ID, name: "Ada Lovelace", email: "ada@example.com", locale: "en-GB", currency: "GBP", summary: "6 subscriptions · 46 invoices", subscriptions: 6, invoices: 46, demo: true, metadata: {} },
      { id: GRACE_HOPPER_ID, name: "Grace Hopper", email: "grace@example.com", locale: "en-US", currency: "USD", summary: "No subscriptions or invoices", subscriptions: 0, invoices: 0, demo: true, metadata: {} },
      { id: KENJI_SATO_ID, name: "佐藤 健二", email: "kenji@example.com", locale: "ja-JP", currency: "JPY", summary: "2 subscriptions · 8 invoices", subscriptions: 2, invoices: 8, demo: true, metadata: {} },
      { id: EMILIE_DU_CHATELET_ID, name: "Émilie du Châtelet", email: "emilie@example.com", locale: "fr-FR", currency: "EUR", summary: "1 subscription · 3 invoices", subscriptions: 1, invoices: 3, demo: true, metadata: {} },
    ]);
  });

  it("is also sandbox.customers() for in-process use", async () => {
    const { sandbox } = setup();
    expect(sandbox.customers()).toEqual(await dataOf(await control(sandbox, "GET", "/customers")));
  });

  it("needs no credentials, from any origin", async () => {
    const sandbox = createSandbox();
    const response = await sandbox.handle(new Request("https://anything.example/__sandbox/customers"));
    expect(response.status).toBe(200);
  });
});

describe("POST /__sandbox/reset", () => {
  it("puts data, tokens, idempotency keys, faults, calls, clock and settings back", async () => {
    const { sandbox } = setup({ sessionShape: "sdk" });
    const token = await dataOf<{ url: string }>(await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "idempotency-key": "k1" })))
      .then((session) => session.url.split("/").at(-1) ?? "");
    await portal(sandbox, token, `/subscriptions/${adaPro?.id}/cancel`, { method: "POST", body: '{"cancel_at_period_end":false}' });
    await control(sandbox, "POST", "/clock", { advance_seconds: 600 });
    await control(sandbox, "POST", "/faults", { operation: "invoices.list", status: 503 });
    await control(sandbox, "POST", "/settings", { session_shape: "tokenless", direct_debit_self_service: false });

    const reset = await control(sandbox, "POST", "/reset");
    expect(reset.status).toBe(200);
    expect(await dataOf(reset)).toEqual({ reset: true, now: new Date(START).toISOString() });

    expect(await dataOf(await control(sandbox, "GET", "/clock"))).toMatchObject({ offset_seconds: 0 });
    expect(await dataOf(await control(sandbox, "GET", "/faults"))).toEqual([]);
    expect(await dataOf(await control(sandbox, "GET", "/settings"))).toEqual({ session_shape: "sdk", latency_ms: 0, direct_debit_self_service: true });
    expect((await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"))).total).toBe(0);
    expect((await portal(sandbox, token, "/customer")).status).toBe(401);
    const reused = await sandbox.handle(mintRequest({ customer_id: KENJI_SATO_ID }, { "idempotency-key": "k1" }));
    expect(reused.status).toBe(201);
    const fresh = (await dataOf<{ url: string }>(reused)).url.split("/").at(-1) ?? "";
    const kenjiInvoices = await portal(sandbox, fresh, "/invoices");
    expect(kenjiInvoices.status).toBe(200);
    const adaToken = await dataOf<{ url: string }>(await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }))).then((s) => s.url.split("/").at(-1) ?? "");
    expect(await dataOf<PortalSubscription>(await portal(sandbox, adaToken, `/subscriptions/${adaPro?.id}`))).toEqual(adaPro);
  });

  it("is also sandbox.reset()", async () => {
    const { sandbox } = setup();
    await control(sandbox, "POST", "/clock", { advance_seconds: 600 });
    sandbox.reset();
    expect(sandbox.now()).toBe(START);
  });
});

describe("/__sandbox/settings", () => {
  it("reads and changes the session response shape", async () => {
    const { sandbox } = setup();
    expect(await dataOf(await control(sandbox, "GET", "/settings"))).toEqual({ session_shape: "reference", latency_ms: 0, direct_debit_self_service: true });
    const changed = await control(sandbox, "POST", "/settings", { session_shape: "token" });
    expect(await dataOf(changed)).toEqual({ session_shape: "token", latency_ms: 0, direct_debit_self_service: true });
    const session = await dataOf<Record<string, string>>(await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID })));
    expect(session.token).toMatch(/^rkcps_/);
  });

  it.each([{ session_shape: "camel" }, {}, "nope", { direct_debit_self_service: "no" }])("refuses %j with 400", async (body) => {
    const { sandbox } = setup();
    const response = await control(sandbox, "POST", "/settings", body);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("invalid_request");
  });
});

describe("POST /__sandbox/tokens/revoke", () => {
  it("revokes one customer's live tokens and reports how many", async () => {
    const { sandbox } = setup();
    const ada = [await mintToken(sandbox), await mintToken(sandbox)];
    const kenji = await mintToken(sandbox, KENJI_SATO_ID);
    expect(await dataOf(await control(sandbox, "POST", "/tokens/revoke", { customer_id: ADA_LOVELACE_ID }))).toEqual({ revoked: 2 });
    for (const token of ada) expect((await portal(sandbox, token, "/customer")).status).toBe(401);
    expect((await portal(sandbox, kenji, "/customer")).status).toBe(200);
  });

  it("revokes every token when no customer is given", async () => {
    const { sandbox } = setup();
    const tokens = [await mintToken(sandbox), await mintToken(sandbox, KENJI_SATO_ID)];
    expect(await dataOf(await control(sandbox, "POST", "/tokens/revoke"))).toEqual({ revoked: 2 });
    for (const token of tokens) expect((await portal(sandbox, token, "/customer")).status).toBe(401);
    expect(await dataOf(await control(sandbox, "POST", "/tokens/revoke", {}))).toEqual({ revoked: 0 });
  });

  it("refuses a customer_id that is not a UUID", async () => {
    const { sandbox } = setup();
    expect((await control(sandbox, "POST", "/tokens/revoke", { customer_id: "ada" })).status).toBe(400);
  });
});

describe("/__sandbox/calls", () => {
  it("counts every API call by operation, with a log of method, path and status", async () => {
    const { sandbox, clock } = setup();
    const token = await mintToken(sandbox);
    clock.advance(1_000);
    await portal(sandbox, token, "/invoices?limit=2");
    await portal(sandbox, token, "/invoices/not-a-uuid");
    await sandbox.handle(new Request(`${ORIGIN}/v2/customer-portal/customer`));
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.total).toBe(4);
    const counted: Partial<Record<OperationName, number>> = { "sessions.create": 1, "customer.get": 1, "invoices.list": 1, "invoices.get": 1 };
    expect(calls.by_operation).toEqual(Object.fromEntries(OPERATION_NAMES.map((name) => [name, counted[name] ?? 0])));
    expect(calls.log).toEqual([
      { operation: "sessions.create", method: "POST", path: "/v2/customer-portal/sessions", status: 201, fault: null, idempotency_key_hash: null, replayed: false, at: new Date(START).toISOString() },
      { operation: "invoices.list", method: "GET", path: "/v2/customer-portal/invoices?limit=2", status: 200, fault: null, idempotency_key_hash: null, replayed: false, at: new Date(START + 1_000).toISOString() },
      { operation: "invoices.get", method: "GET", path: "/v2/customer-portal/invoices/not-a-uuid", status: 400, fault: null, idempotency_key_hash: null, replayed: false, at: new Date(START + 1_000).toISOString() },
      { operation: "customer.get", method: "GET", path: "/v2/customer-portal/customer", status: 401, fault: null, idempotency_key_hash: null, replayed: false, at: new Date(START + 1_000).toISOString() },
    ]);
  });

  it("does not count control calls or unknown routes", async () => {
    const { sandbox } = setup();
    await control(sandbox, "GET", "/customers");
    await control(sandbox, "GET", "/clock");
    await sandbox.handle(new Request(`${ORIGIN}/v2/customer-portal/nothing-here`));
    expect((await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"))).total).toBe(0);
  });

  it("never holds a token or a key, even one misplaced in a query string", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await portal(sandbox, token, `/invoices?token=${token}&key=${MERCHANT_KEY}`);
    const text = await (await control(sandbox, "GET", "/calls")).text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(6));
    expect(text).not.toContain(MERCHANT_KEY);
  });

  it("keeps only the last 500 log entries but counts them all", async () => {
    const { sandbox } = setup();
    for (let i = 0; i < 505; i += 1) await sandbox.handle(new Request(`${ORIGIN}/v2/customer-portal/customer`));
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.total).toBe(505);
    expect(calls.log).toHaveLength(500);
  });

  it("DELETE resets the counts", async () => {
    const { sandbox } = setup();
    await mintToken(sandbox);
    const cleared = await control(sandbox, "DELETE", "/calls");
    expect(cleared.status).toBe(200);
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.total).toBe(0);
    expect(calls.log).toEqual([]);
    expect(Object.values(calls.by_operation).every((count) => count === 0)).toBe(true);
  });
});

describe("control routing", () => {
  it("GET /__sandbox lists the controls", async () => {
    const { sandbox } = setup();
    const index = await dataOf<{ controls: string[] }>(await control(sandbox, "GET", ""));
    expect(index.controls).toContain("POST /__sandbox/reset");
  });

  it("answers 404 route_not_found for an unknown control", async () => {
    const { sandbox } = setup();
    const response = await control(sandbox, "GET", "/nope");
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ code: "route_not_found", type: "invalid_request_error" });
  });

  it("answers 405 with Allow for a wrong method", async () => {
    const { sandbox } = setup();
    const response = await control(sandbox, "PUT", "/faults", {});
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST, DELETE");
    expect((await errorOf(response)).code).toBe("method_not_allowed");
  });

  it("answers 400 for a control body that is not JSON", async () => {
    const { sandbox } = setup();
    const response = await control(sandbox, "POST", "/clock", "{advance");
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("lists the merchant's view of cancellations", async () => {
    const { sandbox } = setup();
    await mintToken(sandbox);
    const cancellations = await dataOf<{ subscription_id: string; status: string }[]>(await control(sandbox, "GET", "/cancellations"));
    expect(cancellations.map((entry) => entry.status).sort()).toEqual(["active", "canceled"]);
  });
});

describe("unauthenticated controls and merchant credentials", () => {
  it("do not need or look at x-api-key", async () => {
    const { sandbox } = setup();
    const response = await sandbox.handle(new Request(`${ORIGIN}/__sandbox/clock`, { headers: { "x-api-key": "rk_live_whatever" } }));
    expect(response.status).toBe(200);
  });
});

describe("who may use the controls", () => {
  it("refuses a change that is not JSON, as a plain form from any page would send it", async () => {
    const { sandbox } = setup();
    const form = await sandbox.handle(
      new Request(`${ORIGIN}/__sandbox/settings`, { method: "POST", headers: { "content-type": "text/plain" }, body: '{"latency_ms":10000}' }),
    );
    expect(form.status).toBe(415);
    expect((await dataOf<{ latency_ms: number }>(await control(sandbox, "GET", "/settings"))).latency_ms).toBe(0);
  });

  it("refuses any request another site started, reads included", async () => {
    const { sandbox } = setup();
    const anotherSite: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "https://evil.example" }];
    for (const headers of anotherSite) {
      expect((await control(sandbox, "POST", "/tokens/revoke", {}, headers)).status).toBe(403);
      expect((await control(sandbox, "GET", "/cancellations", undefined, headers)).status).toBe(403);
    }
  });

  it("answers this site's own pages and tools that send no Origin", async () => {
    const { sandbox } = setup();
    const ownPage = { origin: ORIGIN, "sec-fetch-site": "same-origin" };
    expect((await control(sandbox, "POST", "/clock", { advance_seconds: 60 }, ownPage)).status).toBe(200);
    expect((await control(sandbox, "POST", "/reset")).status).toBe(200);
  });
});
