import { describe, expect, it } from "vitest";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { Sandbox } from "../entry/sandbox";
import { ADA_LOVELACE_ID, createSeed } from "../data/seed";
import { control, dataOf, errorOf, mintToken, portal, setup, START } from "../entry/test-support";

const seed = createSeed(START);
function adaSubscription(predicate: (subscription: PortalSubscription) => boolean): PortalSubscription {
  const found = seed.subscriptions.find((record) => record.customerId === ADA_LOVELACE_ID && predicate(record.subscription));
  if (!found) throw new Error("no such seed subscription");
  return found.subscription;
}
const pro = adaSubscription((s) => s.status === "active" && s.amount_minor === 1200 && s.currency === "GBP");
const trial = adaSubscription((s) => s.status === "trialing");
const canceled = adaSubscription((s) => s.status === "canceled");
const scheduled = adaSubscription((s) => s.status === "active" && s.cancel_at !== null);

async function cancel(sandbox: Sandbox, token: string, id: string, body?: unknown): Promise<Response> {
  return portal(sandbox, token, `/subscriptions/${id}/cancel`, {
    method: "POST",
    body: body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function current(sandbox: Sandbox, token: string, id: string): Promise<PortalSubscription> {
  return dataOf<PortalSubscription>(await portal(sandbox, token, `/subscriptions/${id}`));
}

describe("cancel at period end", () => {
  it.each([
    ["no body", undefined],
    ["an empty body", ""],
    ["an empty object", {}],
    ["cancel_at_period_end: true", { cancel_at_period_end: true }],
  ])("is what %s does: cancel_at becomes the period end, status unchanged", async (_name, body) => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const response = await cancel(sandbox, token, pro.id, body);
    expect(response.status).toBe(200);
    const after = await dataOf<PortalSubscription>(response);
    expect(after).toEqual({ ...pro, cancel_at: pro.current_period_end });
    expect(await current(sandbox, token, pro.id)).toEqual(after);
  });

  it("schedules a trial to end with the trial", async () => {
    const { sandbox } = setup();
    const after = await dataOf<PortalSubscription>(await cancel(sandbox, await mintToken(sandbox), trial.id));
    expect(after).toMatchObject({ status: "trialing", cancel_at: trial.trial_end, canceled_at: null });
  });

  it("takes effect when the sandbox clock passes the period end", async () => {
    const { sandbox, clock } = setup();
    await cancel(sandbox, await mintToken(sandbox), pro.id);
    clock.advance(Date.parse(pro.current_period_end ?? "") - START + 1);
    expect(await current(sandbox, await mintToken(sandbox), pro.id)).toMatchObject({ status: "canceled", canceled_at: pro.current_period_end, cancel_at: pro.current_period_end });
  });
});

describe("cancel now", () => {
  it("sets status canceled and canceled_at and cancel_at to now, keeping the period end", async () => {
    const { sandbox, clock } = setup();
    const token = await mintToken(sandbox);
    clock.advance(90_000);
    const response = await cancel(sandbox, token, pro.id, { cancel_at_period_end: false });
    expect(response.status).toBe(200);
    const now = new Date(START + 90_000).toISOString();
    expect(await dataOf<PortalSubscription>(response)).toEqual({
      ...pro,
      status: "canceled",
      canceled_at: now,
      cancel_at: now,
    });
  });

  it("turns a scheduled cancellation into an immediate one", async () => {
    const { sandbox } = setup();
    const after = await dataOf<PortalSubscription>(await cancel(sandbox, await mintToken(sandbox), scheduled.id, { cancel_at_period_end: false }));
    const now = new Date(START).toISOString();
    expect(after).toMatchObject({ status: "canceled", canceled_at: now, cancel_at: now, current_period_end: scheduled.current_period_end });
  });
});

describe("cancelling an already-canceled subscription", () => {
  it.each([true, false])("is a no-op returning the current state (cancel_at_period_end: %s)", async (atPeriodEnd) => {
    const { sandbox, clock } = setup();
    const token = await mintToken(sandbox);
    clock.advance(30 * 60_000);
    const response = await cancel(sandbox, token, canceled.id, { cancel_at_period_end: atPeriodEnd, reason: "again" });
    expect(response.status).toBe(200);
    expect(await dataOf<PortalSubscription>(response)).toEqual(canceled);
    const reasons = await dataOf<{ subscription_id: string; reason: string | null }[]>(await control(sandbox, "GET", "/cancellations"));
    expect(reasons.find((entry) => entry.subscription_id === canceled.id)?.reason).toBeNull();
  });

  it("after cancelling now, a second cancel changes nothing", async () => {
    const { sandbox, clock } = setup();
    const token = await mintToken(sandbox);
    const first = await dataOf<PortalSubscription>(await cancel(sandbox, token, pro.id, { cancel_at_period_end: false }));
    clock.advance(60_000);
    const second = await dataOf<PortalSubscription>(await cancel(sandbox, token, pro.id, { cancel_at_period_end: false }));
    expect(second).toEqual(first);
  });
});

describe("the cancellation reason", () => {
  it("is stored for the merchant but not returned in the portal projection", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const response = await cancel(sandbox, token, pro.id, { reason: "Too expensive for us right now" });
    const text = await response.text();
    expect(text).not.toContain("Too expensive");
    expect(text).not.toContain("reason");
    const reasons = await dataOf<{ subscription_id: string; reason: string | null }[]>(await control(sandbox, "GET", "/cancellations"));
    expect(reasons).toContainEqual(expect.objectContaining({ subscription_id: pro.id, customer_id: ADA_LOVELACE_ID, reason: "Too expensive for us right now" }));
  });

  it("may be 500 characters long", async () => {
    const { sandbox } = setup();
    expect((await cancel(sandbox, await mintToken(sandbox), pro.id, { reason: "x".repeat(500) })).status).toBe(200);
  });

  it("may not be 501 characters long", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const response = await cancel(sandbox, token, pro.id, { reason: "x".repeat(501) });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain("reason");
    expect((await current(sandbox, token, pro.id)).cancel_at).toBeNull();
  });
});

describe("cancel request validation", () => {
  it.each([
    ["invalid JSON", "{cancel_at_period_end: false"],
    ["a string cancel_at_period_end", { cancel_at_period_end: "false" }],
    ["a numeric reason", { reason: 42 }],
    ["a null reason", { reason: null }],
    ["an array body", [false]],
  ])("rejects %s with 400 and cancels nothing", async (_name, body) => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const response = await cancel(sandbox, token, pro.id, body);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ type: "invalid_request_error", code: "invalid_request" });
    expect(await current(sandbox, token, pro.id)).toEqual(pro);
  });

  it("answers 404 for an unknown subscription", async () => {
    const { sandbox } = setup();
    const response = await cancel(sandbox, await mintToken(sandbox), "0b6f7a9e-52c1-4d3a-9b8c-7d6e5f4a3b2c");
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe("resource_missing");
  });

  it("only takes POST", async () => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox), `/subscriptions/${pro.id}/cancel`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});
