import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CallSummary } from "../controls/call-log";
import { ADA_ANALYTICS, ADA_LOVELACE_ID, ADA_PRO, createSeed } from "../data/seed";
import type { Sandbox } from "../entry/sandbox";
import { control, DAY_MS, dataOf, errorOf, merchant, mintToken, portal, setup, START } from "../entry/test-support";
import type { Delivery } from "../data/webhooks";

const LEGACY_SUPPORT = createSeed(START).subscriptions.find((record) => record.subscription.status === "canceled")?.subscription.id ?? "";
const analytics = createSeed(START).subscriptions.find((record) => record.subscription.id === ADA_ANALYTICS)?.subscription;

type Subscription = { id: string; status: string; cancel_at_period_end: boolean; metadata: Record<string, unknown>; updated_at: string; current_period_end: string };

const patch = (sandbox: Sandbox, id: string, body: unknown, headers: Record<string, string> = {}) => merchant(sandbox, "PATCH", `/subscriptions/${id}`, body, headers);

async function events(sandbox: Sandbox): Promise<Delivery["event"][]> {
  return (await dataOf<Delivery[]>(await control(sandbox, "GET", "/webhooks"))).map((delivery) => delivery.event).reverse();
}

async function portalView(sandbox: Sandbox, id: string): Promise<{ status: string; cancel_at: string | null }> {
  return dataOf(await portal(sandbox, await mintToken(sandbox), `/subscriptions/${id}`));
}

describe("PATCH /v2/subscriptions/{id} with cancelAtPeriodEnd: false", () => {
  it("keeps a plan that was scheduled to end: the end date goes, and it renews instead of ending", async () => {
    const { sandbox, clock } = setup();
    clock.advance(1_000);
    const response = await patch(sandbox, ADA_ANALYTICS, { cancelAtPeriodEnd: false });
    expect(response.status).toBe(200);
    expect(await dataOf<Subscription>(response)).toMatchObject({ id: ADA_ANALYTICS, status: "active", cancel_at_period_end: false, updated_at: new Date(START + 1_000).toISOString() });
    expect(await portalView(sandbox, ADA_ANALYTICS)).toMatchObject({ status: "active", cancel_at: null });

    const [updated, ...rest] = await events(sandbox);
    expect(rest).toEqual([]);
    expect(updated).toMatchObject({ type: "subscription.updated", data: { object: { id: ADA_ANALYTICS, customer_id: ADA_LOVELACE_ID, cancel_at: null }, previous_attributes: { cancel_at: analytics?.cancel_at } } });

    await control(sandbox, "POST", "/clock", { advance_seconds: (40 * DAY_MS) / 1000 });
    const later = await portalView(sandbox, ADA_ANALYTICS);
    expect(later.status).toBe("active");
    expect((await events(sandbox)).filter((event) => event.data.object.id === ADA_ANALYTICS).map((event) => event.type)).toEqual(["subscription.updated", "subscription.renewed"]);
  });

  it("changes nothing and sends nothing for a plan that was not scheduled to end", async () => {
    const { sandbox } = setup();
    expect(await dataOf<Subscription>(await patch(sandbox, ADA_PRO, { cancelAtPeriodEnd: false }))).toMatchObject({ cancel_at_period_end: false });
    expect(await events(sandbox)).toEqual([]);
  });

  it("answers 400 for a plan that has already ended, and leaves it ended", async () => {
    const { sandbox } = setup();
    for (const cancelAtPeriodEnd of [false, true]) {
      const response = await patch(sandbox, LEGACY_SUPPORT, { cancelAtPeriodEnd });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toEqual({
        type: "invalid_request_error",
        code: "invalid_request",
        message: "This subscription has ended: it can no longer be scheduled to end or renewed. Create a new subscription instead.",
      });
    }
    expect(await portalView(sandbox, LEGACY_SUPPORT)).toMatchObject({ status: "canceled" });
    expect(await events(sandbox)).toEqual([]);
  });
});

describe("PATCH /v2/subscriptions/{id} with cancelAtPeriodEnd: true", () => {
  it("schedules the end at the period's end, as the portal's cancel does", async () => {
    const { sandbox } = setup();
    const answered = await dataOf<Subscription>(await patch(sandbox, ADA_PRO, { cancelAtPeriodEnd: true }));
    expect(answered.cancel_at_period_end).toBe(true);
    expect(await portalView(sandbox, ADA_PRO)).toMatchObject({ status: "active", cancel_at: answered.current_period_end });
    expect((await events(sandbox)).map((event) => [event.type, event.data.previous_attributes])).toEqual([["subscription.updated", { cancel_at: null }]]);
  });
});

describe("PATCH /v2/subscriptions/{id} with metadata", () => {
  it("merges keys, removes a key set to null, and sends the previous metadata", async () => {
    const { sandbox } = setup();
    expect((await dataOf<Subscription>(await patch(sandbox, ADA_PRO, { metadata: { seats: 3, team: "north" } }))).metadata).toEqual({ seats: 3, team: "north" });
    expect((await dataOf<Subscription>(await patch(sandbox, ADA_PRO, { metadata: { team: null, region: "eu" } }))).metadata).toEqual({ seats: 3, region: "eu" });
    expect((await events(sandbox)).map((event) => [event.data.object.metadata, event.data.previous_attributes])).toEqual([
      [{ seats: 3, team: "north" }, { metadata: {} }],
      [{ seats: 3, region: "eu" }, { metadata: { seats: 3, team: "north" } }],
    ]);
  });

  it("is never shown to the customer through the portal", async () => {
    const { sandbox } = setup();
    await patch(sandbox, ADA_PRO, { metadata: { internal_note: "VIP" } });
    const token = await mintToken(sandbox);
    expect(await (await portal(sandbox, token, `/subscriptions/${ADA_PRO}`)).text()).not.toContain("VIP");
  });
});

describe("PATCH /v2/subscriptions/{id} refuses", () => {
  it.each([
    [{ quantity: 2 }, "Invalid quantity: the sandbox does not play quantity in PATCH /subscriptions/{id} (it takes cancelAtPeriodEnd, metadata)."],
    [{ cancelAtPeriodEnd: false, pauseAtPeriodEnd: true }, "Invalid pauseAtPeriodEnd: the sandbox does not play pauseAtPeriodEnd in PATCH /subscriptions/{id} (it takes cancelAtPeriodEnd, metadata)."],
    [{ cancel_at_period_end: false }, "Invalid cancel_at_period_end: PATCH /subscriptions/{id} has no such field (it takes cancelAtPeriodEnd, metadata, in camelCase)."],
    [{}, "Invalid body: say what to change: cancelAtPeriodEnd or metadata."],
    [{ cancelAtPeriodEnd: "no" }, "Invalid cancelAtPeriodEnd: must be true or false."],
    [{ metadata: ["a"] }, "Invalid metadata: must be an object."],
    [[], "Invalid body: must be a JSON object."],
  ])("%j with a 400 that says why, changing nothing", async (body, message) => {
    const { sandbox } = setup();
    const response = await patch(sandbox, ADA_ANALYTICS, body);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toBe(message);
    expect(await portalView(sandbox, ADA_ANALYTICS)).toMatchObject({ cancel_at: analytics?.cancel_at });
    expect(await events(sandbox)).toEqual([]);
  });

  it("an unknown subscription with 404, a malformed id with 400, a request without the key with 401", async () => {
    const { sandbox } = setup();
    expect((await errorOf(await patch(sandbox, "00000000-0000-4000-8000-000000000000", { cancelAtPeriodEnd: false }))).code).toBe("resource_missing");
    expect((await patch(sandbox, "analytics", { cancelAtPeriodEnd: false })).status).toBe(400);
    expect((await patch(sandbox, ADA_ANALYTICS, { cancelAtPeriodEnd: false }, { "x-api-key": "" })).status).toBe(401);
  });
});

describe("PATCH /v2/subscriptions/{id} under an Idempotency-Key", () => {
  it("answers a retry with the first answer and changes once", async () => {
    const { sandbox, clock } = setup();
    const key = randomUUID();
    const first = await patch(sandbox, ADA_ANALYTICS, { cancelAtPeriodEnd: false }, { "idempotency-key": key });
    clock.advance(5_000);
    const again = await patch(sandbox, ADA_ANALYTICS, { cancelAtPeriodEnd: false }, { "idempotency-key": key });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(await first.text());
    expect((await events(sandbox)).map((event) => event.type)).toEqual(["subscription.updated"]);
    const reused = await patch(sandbox, ADA_ANALYTICS, { cancelAtPeriodEnd: true }, { "idempotency-key": key });
    expect(await errorOf(reused)).toMatchObject({ code: "idempotency_key_reused" });
  });

  it("is counted as merchant_subscriptions.update, and a fault changes nothing", async () => {
    const { sandbox } = setup();
    await control(sandbox, "POST", "/faults", { operation: "merchant_subscriptions.update", status: 502 });
    expect((await patch(sandbox, ADA_ANALYTICS, { cancelAtPeriodEnd: false })).status).toBe(502);
    expect(await portalView(sandbox, ADA_ANALYTICS)).toMatchObject({ cancel_at: analytics?.cancel_at });
    expect((await patch(sandbox, ADA_ANALYTICS, { cancelAtPeriodEnd: false })).status).toBe(200);
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.log.filter((entry) => entry.operation === "merchant_subscriptions.update").map((entry) => [entry.method, entry.status, entry.fault])).toEqual([
      ["PATCH", 502, "status"],
      ["PATCH", 200, null],
    ]);
  });
});
