// The merchant's operations against the in-process sandbox: every answer RevKeen can give becomes
// the app's own type or a PortalError with a stable code.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA_LOVELACE_ID } from "@/lib/sandbox/data/seed";
import { callCount, callOutcomes, controlSandbox, portalErrorCode, withInProcessSandbox } from "@/lib/testing/sandbox-under-test";
import { createSandbox, type Sandbox } from "@/lib/sandbox/entry/sandbox";

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.REVKEEN_API_KEY = "";
process.env.REVKEEN_TIMEOUT_MS = "300";

const merchant = await import("./merchant");
const portal = await import("./customer-portal");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");

let sandbox: Sandbox;

const control = <T = unknown>(method: string, path: string, body?: unknown) => controlSandbox<T>(sandbox, method, path, body);
const calls = (operation: string) => callCount(sandbox, operation);

const mint = (customerId = ADA_LOVELACE_ID) => merchant.createPortalSession({ customerId, idempotencyKey: randomUUID() });

beforeAll(() => {
  sandbox = inProcessSandbox();
});

beforeEach(() => sandbox.reset());

describe("minting a portal session", () => {
  it("returns a token that opens the customer's portal, in every documented response shape", async () => {
    for (const shape of ["reference", "sdk", "token"]) {
      await control("POST", "settings", { session_shape: shape });
      const session = await mint();
      expect(session.token).toMatch(/^rkcps_/);
      expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
      expect((await portal.getCustomer(session.token)).name).toBe("Ada Lovelace");
    }
  });

  it("asks for the configured lifetime", async () => {
    const session = await merchant.createPortalSession({ customerId: ADA_LOVELACE_ID, ttlMinutes: 5, idempotencyKey: randomUUID() });
    expect(session.expiresAt.getTime()).toBeLessThan(Date.now() + 6 * 60_000);
  });

  it("calls a response without a token an upstream failure", async () => {
    await control("POST", "settings", { session_shape: "tokenless" });
    expect(await portalErrorCode(mint())).toBe("upstream:unavailable");
  });

  it("says a customer unknown to RevKeen has no billing account", async () => {
    expect(await portalErrorCode(mint(randomUUID()))).toBe("portal:no_account");
    expect(await portalErrorCode(mint("not-a-uuid"))).toBe("portal:no_account");
  });

  it("says the server's key is not accepted when RevKeen refuses it", async () => {
    await withInProcessSandbox(createSandbox({ apiKey: "rk_sandbox_some_other_key" }), async () => {
      expect(await portalErrorCode(mint())).toBe("upstream:rejected_key");
    });
  });

  it("retries once, with the same Idempotency-Key, after a server error or a dropped connection", async () => {
    await control("POST", "faults", { operation: "sessions.create", status: 503, count: 1 });
    await expect(mint()).resolves.toHaveProperty("token");
    await control("POST", "faults", { operation: "sessions.create", drop: true, count: 1 });
    await expect(mint()).resolves.toHaveProperty("token");
    const [first, firstRetry, second, secondRetry] = await callOutcomes(sandbox, "sessions.create");
    expect([first?.status, firstRetry?.status, second?.status, secondRetry?.status]).toEqual([503, 201, null, 201]);
    expect(first?.idempotency_key_hash).toMatch(/^[0-9a-f]{16}$/);
    expect(firstRetry?.idempotency_key_hash).toBe(first?.idempotency_key_hash);
    expect(secondRetry?.idempotency_key_hash).toBe(second?.idempotency_key_hash);
    expect(second?.idempotency_key_hash).not.toBe(first?.idempotency_key_hash);
    expect(await calls("sessions.create")).toBe(4);
  });

  it("mints once when the answer is lost: the retry gets the stored session back", async () => {
    await control("POST", "faults", { operation: "sessions.create", lose_answer: true });
    const session = await mint();
    expect((await portal.getCustomer(session.token)).name).toBe("Ada Lovelace");
    const [lost, retry, ...more] = await callOutcomes(sandbox, "sessions.create");
    expect(more).toEqual([]);
    expect(lost).toMatchObject({ status: null, fault: "lose-answer", replayed: false });
    expect(retry).toMatchObject({ status: 201, fault: null, replayed: true, idempotency_key_hash: lost?.idempotency_key_hash });
  });

  it("gives up after one retry", async () => {
    await control("POST", "faults", { operation: "sessions.create", status: 500, count: 2 });
    expect(await portalErrorCode(mint())).toBe("upstream:unavailable");
    expect(await calls("sessions.create")).toBe(2);
  });
});

afterEach(async () => {
  await control("DELETE", "faults");
});

describe("creating a customer", () => {
  const create = (email: string, key = randomUUID()) => merchant.createCustomer({ email, name: "New Person", metadata: { app_user_id: "github:42" }, idempotencyKey: key });

  it("creates one with the user's id in its metadata, and one only for a repeated key", async () => {
    const key = randomUUID();
    const first = await create("new@example.com", key);
    expect(first).toMatchObject({ email: "new@example.com", name: "New Person", metadata: { app_user_id: "github:42" } });
    expect((await create("new@example.com", key)).id).toBe(first.id);
    expect(await calls("customers.create")).toBe(2);
  });

  it("says an e-mail already has a customer as portal:email_taken, never linking to it", async () => {
    await create("taken@example.com");
    expect(await portalErrorCode(create("taken@example.com"))).toBe("portal:email_taken");
    expect(await portalErrorCode(create("ada@example.com"))).toBe("portal:email_taken");
  });

  it("retries a failed create once under the same key", async () => {
    await control("POST", "faults", { operation: "customers.create", status: 503, count: 1 });
    expect((await create("retried@example.com")).email).toBe("retried@example.com");
    const [failed, retry, ...more] = await callOutcomes(sandbox, "customers.create");
    expect(more).toEqual([]);
    expect(failed).toMatchObject({ status: 503, replayed: false });
    expect(retry).toMatchObject({ status: 201, replayed: false, idempotency_key_hash: failed?.idempotency_key_hash });
  });

  it("creates once when the answer is lost: the retry under the same key is a replay", async () => {
    await control("POST", "faults", { operation: "customers.create", lose_answer: true, status: 502 });
    expect((await create("lost@example.com")).email).toBe("lost@example.com");
    const [lost, retry, ...more] = await callOutcomes(sandbox, "customers.create");
    expect(more).toEqual([]);
    expect(lost).toMatchObject({ status: 502, fault: "lose-answer", replayed: false });
    expect(retry).toMatchObject({ status: 201, replayed: true, idempotency_key_hash: lost?.idempotency_key_hash });
  });
});
