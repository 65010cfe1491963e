// Cancelling a Direct Debit through its server action (the plain form and the page with scripts
// alike), against the in-process sandbox. The sign-in and the portal cookie are stood in for; the
// key check, the write limit and the call to RevKeen are the real ones.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ADA_LOVELACE_ID, ADA_MANDATE_ACTIVE } from "@/lib/sandbox/data/seed";
import { formData } from "@/lib/testing/form-data";
import { callCount, controlSandbox } from "@/lib/testing/sandbox-under-test";

const Redirected = vi.hoisted(
  () =>
    class Redirected extends Error {
      constructor(readonly url: string) {
        super(`redirected to ${url}`);
      }
    },
);
const portal = vi.hoisted(() => ({ token: "" }));
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));
const signedIn = vi.hoisted(() => ({ id: "" }));
vi.mock("@/lib/server/auth/current-user", () => ({ currentUser: async () => ({ id: signedIn.id }) }));
vi.mock("@/lib/server/portal-session/renew", () => ({ withPortalToken: (_user: unknown, run: (token: string) => Promise<unknown>) => run(portal.token) }));

vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("AUTH_URL", "http://app.test");
vi.stubEnv("PORTAL_WRITES_PER_MINUTE_PER_USER", "2");

const { cancelMandateAction } = await import("./actions");
const { createPortalSession } = await import("@/lib/server/revkeen-api/merchant");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");

const send = (fields: Record<string, string>) => cancelMandateAction({ status: "idle" }, formData({ mandateId: ADA_MANDATE_ACTIVE, ...fields }));

/** A user of their own for each test, so no test spends another's write allowance. */
let users = 0;

beforeEach(async () => {
  // From this site's own page.
  request.headers = new Headers({ origin: "http://app.test", host: "app.test" });
  users += 1;
  signedIn.id = `github:${users}`;
  inProcessSandbox().reset();
  portal.token = (await createPortalSession({ customerId: ADA_LOVELACE_ID, idempotencyKey: randomUUID() })).token;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("cancelling a Direct Debit", () => {
  it.each([
    ["a newline in it", "key\nforged: 1"],
    ["300 characters", "a".repeat(300)],
    ["a word", "not-a-uuid"],
  ])("refuses a form whose key is not a UUID (%s) as request:invalid, before RevKeen and the log", async (_name, key) => {
    const lines: string[] = [];
    for (const level of ["info", "warn", "error"] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => lines.push(args.join(" ")));
    expect(await send({ idempotencyKey: key })).toEqual({ status: "failed", code: "request:invalid", message: "That request is not valid." });
    expect(await callCount(inProcessSandbox(), "mandates.cancel")).toBe(0);
    expect(lines.filter((line) => line.includes(key))).toEqual([]);
  });

  it("cancels with a UUID key and answers the mandate as RevKeen has it", async () => {
    expect(await send({ reason: "Moving banks", idempotencyKey: randomUUID() })).toMatchObject({ status: "done", data: { id: ADA_MANDATE_ACTIVE, status: "cancelled" } });
    expect(await callCount(inProcessSandbox(), "mandates.cancel")).toBe(1);
  });

  it("answers one cancelled meanwhile as mandate:already_cancelled, in the customer's words", async () => {
    expect((await send({ idempotencyKey: randomUUID() })).status).toBe("done");
    expect(await send({ idempotencyKey: randomUUID() })).toEqual({ status: "failed", code: "mandate:already_cancelled", message: "This Direct Debit is already cancelled." });
  });

  it("counts each cancel as a write: past the limit nothing more reaches RevKeen", async () => {
    // The allowance is two writes a minute; the second is refused by RevKeen, and still counts.
    await send({ idempotencyKey: randomUUID() });
    await send({ idempotencyKey: randomUUID() });
    await controlSandbox(inProcessSandbox(), "DELETE", "calls");
    expect(await send({ idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "portal:rate_limited" });
    expect(await callCount(inProcessSandbox(), "mandates.cancel")).toBe(0);
  });
});
