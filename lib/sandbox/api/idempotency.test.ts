import { describe, expect, it } from "vitest";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { Sandbox } from "../entry/sandbox";
import { createIdempotencyStore } from "./idempotency";
import { ADA_LOVELACE_ID, createSeed, KENJI_SATO_ID } from "../data/seed";
import { control, dataOf, DAY_MS, errorOf, mintRequest, mintToken, portal, setup, START } from "../entry/test-support";

const seed = createSeed(START);
const firstSubscriptionOf = (customerId: string, status = "active") => {
  const found = seed.subscriptions.find((record) => record.customerId === customerId && record.subscription.status === status);
  if (!found) throw new Error("no such seed subscription");
  return found.subscription;
};
const adaActive = firstSubscriptionOf(ADA_LOVELACE_ID);
const adaTrial = firstSubscriptionOf(ADA_LOVELACE_ID, "trialing");
const kenjiActive = firstSubscriptionOf(KENJI_SATO_ID);

function cancel(sandbox: Sandbox, token: string, id: string, body: unknown, key?: string): Promise<Response> {
  return portal(sandbox, token, `/subscriptions/${id}/cancel`, {
    method: "POST",
    headers: key === undefined ? {} : { "idempotency-key": key },
    body: JSON.stringify(body),
  });
}

describe("Idempotency-Key on minting a session", () => {
  it("replays the first answer byte for byte, marked Idempotent-Replayed", async () => {
    const { sandbox } = setup();
    const first = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "idempotency-key": "mint-1" }));
    const second = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "idempotency-key": "mint-1" }));
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.headers.get("content-type")).toBe("application/json");
    expect(await second.text()).toBe(await first.text());
  });

  it("does not mint a second session on a replay", async () => {
    const { sandbox } = setup();
    for (let i = 0; i < 3; i += 1) {
      await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "idempotency-key": "only-once" }));
    }
    expect(await dataOf(await control(sandbox, "POST", "/tokens/revoke", {}))).toEqual({ revoked: 1 });
  });

  it("answers 409 idempotency_key_reused when the same key comes with a different body", async () => {
    const { sandbox } = setup();
    await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "idempotency-key": "reused" }));
    const response = await sandbox.handle(mintRequest({ customer_id: KENJI_SATO_ID }, { "idempotency-key": "reused" }));
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ type: "idempotency_error", code: "idempotency_key_reused" });
    expect(await dataOf(await control(sandbox, "POST", "/tokens/revoke", { customer_id: KENJI_SATO_ID }))).toEqual({ revoked: 0 });
  });

  it("forgets a key after 24 hours of sandbox time", async () => {
    const { sandbox, clock } = setup();
    const first = await (await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "idempotency-key": "daily" }))).text();
    clock.advance(DAY_MS - 1);
    const replay = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "idempotency-key": "daily" }));
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(first);
    clock.advance(1);
    const fresh = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "idempotency-key": "daily" }));
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get("idempotent-replayed")).toBeNull();
    expect(await fresh.text()).not.toBe(first);
  });

  it("replays a 404 answer as well", async () => {
    const { sandbox } = setup();
    const body = { customer_id: "0b6f7a9e-52c1-4d3a-9b8c-7d6e5f4a3b2c" };
    const first = await sandbox.handle(mintRequest(body, { "idempotency-key": "missing" }));
    const second = await sandbox.handle(mintRequest(body, { "idempotency-key": "missing" }));
    expect([first.status, second.status]).toEqual([404, 404]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
  });

  it("does not use up a key on a request that failed validation", async () => {
    const { sandbox } = setup();
    const invalid = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID, ttl_minutes: 1 }, { "idempotency-key": "fix-and-retry" }));
    expect(invalid.status).toBe(400);
    const fixed = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "idempotency-key": "fix-and-retry" }));
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get("idempotent-replayed")).toBeNull();
  });

  it("accepts a key of 255 characters and refuses one of 256 with 400", async () => {
    const { sandbox } = setup();
    expect((await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "idempotency-key": "k".repeat(255) }))).status).toBe(201);
    const response = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "idempotency-key": "k".repeat(256) }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain("Idempotency-Key");
  });
});

describe("Idempotency-Key on cancel", () => {
  it("replays the stored answer without cancelling again", async () => {
    const { sandbox, clock } = setup();
    const token = await mintToken(sandbox);
    const first = await cancel(sandbox, token, adaActive.id, {}, "cancel-1");
    const firstText = await first.text();
    // Meanwhile the subscription changes; a replay must still answer what the first call did.
    clock.advance(60_000);
    await cancel(sandbox, token, adaActive.id, { cancel_at_period_end: false });
    const replay = await cancel(sandbox, token, adaActive.id, {}, "cancel-1");
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(firstText);
    expect(JSON.parse(firstText)).toMatchObject({ data: { status: "active", cancel_at: adaActive.current_period_end } });
  });

  it("answers 409 when the same key is used to cancel a different subscription", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await cancel(sandbox, token, adaActive.id, {}, "one-key");
    const response = await cancel(sandbox, token, adaTrial.id, {}, "one-key");
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("idempotency_key_reused");
    const trial = await dataOf<PortalSubscription>(await portal(sandbox, token, `/subscriptions/${adaTrial.id}`));
    expect(trial.cancel_at).toBeNull();
  });

  it("answers 409 when the same key comes with a different body", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await cancel(sandbox, token, adaActive.id, {}, "body-key");
    const response = await cancel(sandbox, token, adaActive.id, { cancel_at_period_end: false }, "body-key");
    expect(response.status).toBe(409);
  });

  it("shares a key across the same customer's sessions", async () => {
    const { sandbox } = setup();
    await cancel(sandbox, await mintToken(sandbox), adaActive.id, {}, "same-customer");
    const replay = await cancel(sandbox, await mintToken(sandbox), adaActive.id, {}, "same-customer");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
  });

  it("scopes keys per customer: the same key from another customer is a new request", async () => {
    const { sandbox } = setup();
    const ada = await cancel(sandbox, await mintToken(sandbox, ADA_LOVELACE_ID), adaActive.id, {}, "shared-key");
    const kenji = await cancel(sandbox, await mintToken(sandbox, KENJI_SATO_ID), kenjiActive.id, {}, "shared-key");
    expect([ada.status, kenji.status]).toEqual([200, 200]);
    expect(kenji.headers.get("idempotent-replayed")).toBeNull();
    expect(await dataOf<PortalSubscription>(kenji)).toMatchObject({ id: kenjiActive.id, cancel_at: kenjiActive.current_period_end });
  });

  it("keeps the merchant's keys apart from the customers' keys", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    expect((await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "idempotency-key": "everywhere" }))).status).toBe(201);
    const response = await cancel(sandbox, token, adaActive.id, {}, "everywhere");
    expect(response.status).toBe(200);
    expect(response.headers.get("idempotent-replayed")).toBeNull();
  });
});

describe("the idempotency store's bounds", () => {
  const reply = { status: 200, headers: {}, body: "{}" };
  const request = (key: string) => ({ scope: "customer:ada", key, method: "POST", path: "/cancel", body: "{}" });

  it("keeps at most 10,000 answers, forgetting the oldest first", () => {
    const store = createIdempotencyStore();
    let runs = 0;
    const work = () => {
      runs += 1;
      return reply;
    };
    for (let i = 0; i < 10_500; i += 1) store.run(request(`${"k".repeat(250)}${i}`), START, work);
    expect(store.size()).toBe(10_000);
    expect(runs).toBe(10_500);
    // The newest is still remembered (a replay runs nothing); the oldest is forgotten (it runs again).
    store.run(request(`${"k".repeat(250)}10499`), START, work);
    expect(runs).toBe(10_500);
    store.run(request(`${"k".repeat(250)}0`), START, work);
    expect(runs).toBe(10_501);
  });

  it("drops expired answers from the front as time passes", () => {
    const store = createIdempotencyStore();
    for (let i = 0; i < 100; i += 1) store.run(request(`early-${i}`), START, () => reply);
    store.run(request("late"), START + DAY_MS / 2, () => reply);
    store.run(request("later"), START + DAY_MS + 1, () => reply);
    expect(store.size()).toBe(2);
  });
});
