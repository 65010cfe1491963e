// Cancelling a subscription through its server action, against the in-process sandbox: the same
// action serves the plain form and the page with scripts. The sign-in and the portal cookie are
// stood in for; the key check, the write limit and the call to RevKeen are the real ones.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ADA_LOVELACE_ID, ADA_PRO } from "@/lib/sandbox/data/seed";
import { formData } from "@/lib/testing/form-data";
import { callCount, callOutcomes, controlSandbox } from "@/lib/testing/sandbox-under-test";

const Redirected = vi.hoisted(
  () =>
    class Redirected extends Error {
      constructor(readonly url: string) {
        super(`redirected to ${url}`);
      }
    },
);
const signedIn = vi.hoisted(() => ({ user: null as { id: string } | null, failure: null as Error | null }));
const portal = vi.hoisted(() => ({ token: "" }));
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));
vi.mock("@/lib/server/auth/current-user", () => ({
  currentUser: async () => {
    if (signedIn.failure) throw signedIn.failure;
    return signedIn.user;
  },
}));
vi.mock("@/lib/server/portal-session/renew", () => ({ withPortalToken: (_user: unknown, run: (token: string) => Promise<unknown>) => run(portal.token) }));

vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("AUTH_URL", "http://app.test");
vi.stubEnv("PORTAL_WRITES_PER_MINUTE_PER_USER", "2");

const { cancelSubscriptionAction } = await import("./actions");
const { portalOptions } = await import("@/lib/shared/billing/portal-options");
const { PortalError } = await import("@/lib/shared/portal-api/errors");
const { createPortalSession } = await import("@/lib/server/revkeen-api/merchant");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");

const send = (fields: Record<string, string>) => cancelSubscriptionAction({ status: "idle" }, formData({ subscriptionId: ADA_PRO, ...fields }));

/** A user of their own for each test, so no test spends another's write allowance. */
let users = 0;

beforeEach(async () => {
  // From this site's own page.
  request.headers = new Headers({ origin: "http://app.test", host: "app.test" });
  users += 1;
  signedIn.user = { id: `github:${users}` };
  signedIn.failure = null;
  inProcessSandbox().reset();
  portal.token = (await createPortalSession({ customerId: ADA_LOVELACE_ID, idempotencyKey: randomUUID() })).token;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("cancelling a subscription", () => {
  it("answers the subscription as RevKeen has it after the cancel", async () => {
    const answer = await send({ when: "now", reason: "It costs too much", idempotencyKey: randomUUID() });
    expect(answer).toMatchObject({ status: "done", data: { id: ADA_PRO, status: "canceled" } });
    expect(await callCount(inProcessSandbox(), "subscriptions.cancel")).toBe(1);
  });

  it("schedules the end at the period's end unless told otherwise", async () => {
    const answer = await send({ idempotencyKey: randomUUID() });
    expect(answer).toMatchObject({ status: "done", data: { id: ADA_PRO, status: "active" } });
    expect(answer.status === "done" && answer.data.cancel_at).toBeTruthy();
  });

  it.each([
    ["a word", "not-a-uuid"],
    ["255 characters", "a".repeat(255)],
    ["300 characters", "a".repeat(300)],
    ["a newline in it", "key\nforged: 1"],
    ["a UUID with a tab and more after it", `${randomUUID()}\tforged=1`],
  ])("refuses a form whose key is not a UUID (%s) as request:invalid, before RevKeen and the log", async (_name, key) => {
    const lines: string[] = [];
    for (const level of ["info", "warn", "error"] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => lines.push(args.join(" ")));
    expect(await send({ idempotencyKey: key })).toEqual({ status: "failed", code: "request:invalid", message: "That request is not valid." });
    expect(await callCount(inProcessSandbox(), "subscriptions.cancel")).toBe(0);
    expect(lines.filter((line) => line.includes(key.trim()))).toEqual([]);
  });

  it("refuses a form without a key, or with a reason longer than RevKeen takes", async () => {
    expect(await send({})).toMatchObject({ status: "failed", code: "request:invalid" });
    expect(await send({ comment: "x".repeat(501), idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "request:invalid" });
    expect(await callCount(inProcessSandbox(), "subscriptions.cancel")).toBe(0);
  });

  it("sent twice with one key, cancels once", async () => {
    const idempotencyKey = randomUUID();
    const [first, second] = [await send({ when: "now", idempotencyKey }), await send({ when: "now", idempotencyKey })];
    expect(first).toEqual(second);
    const cancellations = await controlSandbox<{ subscription_id: string }[]>(inProcessSandbox(), "GET", "cancellations");
    expect(cancellations.filter((entry) => entry.subscription_id === ADA_PRO)).toHaveLength(1);
    // Both reached RevKeen under the form's key; the second was answered from that key's store.
    const [sent, again, ...more] = await callOutcomes(inProcessSandbox(), "subscriptions.cancel");
    expect(more).toEqual([]);
    expect(sent).toMatchObject({ status: 200, replayed: false });
    expect(again).toMatchObject({ status: 200, replayed: true, idempotency_key_hash: sent?.idempotency_key_hash });
  });

  it("counts each cancel as a write: past the limit it answers portal:rate_limited and nothing more reaches RevKeen", async () => {
    // The allowance is two writes a minute.
    expect((await send({ idempotencyKey: randomUUID() })).status).toBe("done");
    expect((await send({ idempotencyKey: randomUUID() })).status).toBe("done");
    const refused = await send({ when: "now", idempotencyKey: randomUUID() });
    expect(refused).toMatchObject({ status: "failed", code: "portal:rate_limited" });
    expect(refused.status === "failed" && refused.message).toMatch(/^Too many attempts\. Try again in \d+ s\.$/);
    expect(await callCount(inProcessSandbox(), "subscriptions.cancel")).toBe(2);
  });

  it.each([
    ["another site's Origin", { origin: "https://evil.example", host: "app.test" }],
    ["another site's Origin that names itself in X-Forwarded-Host", { origin: "https://evil.example", host: "app.test", "x-forwarded-host": "evil.example" }],
    ["no Origin", { host: "app.test" }],
  ])("refuses a request with %s as portal:forbidden, before the write limit and RevKeen", async (_name, headers: Record<string, string>) => {
    request.headers = new Headers(headers);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await send({ when: "now", idempotencyKey: randomUUID() })).toEqual({ status: "failed", code: "portal:forbidden", message: "This request was refused." });
    }
    expect(await callCount(inProcessSandbox(), "subscriptions.cancel")).toBe(0);
    // None of them spent the allowance of two.
    request.headers = new Headers({ origin: "http://app.test", host: "app.test" });
    expect((await send({ idempotencyKey: randomUUID() })).status).toBe("done");
  });

  it("refuses what the merchant does not offer before it counts as a write", async () => {
    vi.spyOn(portalOptions, "cancelNow", "get").mockReturnValue(false);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await send({ when: "now", idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "subscription:cancel_now_not_offered" });
    }
    expect(await callCount(inProcessSandbox(), "subscriptions.cancel")).toBe(0);
    // None of them spent the allowance of two.
    expect((await send({ idempotencyKey: randomUUID() })).status).toBe("done");
  });

  it("answers on the form when the database cannot say whether the user signed out, having cancelled nothing", async () => {
    signedIn.failure = new PortalError("database:unavailable");
    expect(await send({ idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "database:unavailable" });
    expect(await callCount(inProcessSandbox(), "subscriptions.cancel")).toBe(0);
  });

  it("sends a signed-out browser to sign in, then back to the subscription, having cancelled nothing", async () => {
    signedIn.user = null;
    await expect(send({ idempotencyKey: randomUUID() })).rejects.toThrow(`redirected to /sign-in?callbackUrl=%2Fportal%2Fsubscriptions%2F${ADA_PRO}`);
    expect(await callCount(inProcessSandbox(), "subscriptions.cancel")).toBe(0);
  });
});
