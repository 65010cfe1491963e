// Cancelling a Direct Debit as a plain form (no JavaScript), against the in-process sandbox. The
// sign-in and the portal cookie are stood in for; the key check, the write limit and the call to
// RevKeen are the real ones.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ADA_LOVELACE_ID, ADA_MANDATE_ACTIVE } from "@/lib/sandbox/data/seed";
import { callCount } from "@/lib/testing/sandbox-under-test";

const Redirected = vi.hoisted(
  () =>
    class Redirected extends Error {
      constructor(readonly url: string) {
        super(`redirected to ${url}`);
      }
    },
);
const portal = vi.hoisted(() => ({ token: "" }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));
vi.mock("@/lib/server/auth/current-user", () => ({ currentUser: async () => ({ id: ADA_LOVELACE_ID }) }));
vi.mock("@/lib/server/portal-session/renew", () => ({ withPortalToken: (_user: unknown, run: (token: string) => Promise<unknown>) => run(portal.token) }));

vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");

const { submitMandateCancellation } = await import("./actions");
const { createPortalSession } = await import("@/lib/server/revkeen-api/merchant");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Where the action sent the browser. */
async function submit(fields: Record<string, string>): Promise<string> {
  try {
    await submitMandateCancellation(form(fields));
  } catch (error) {
    if (error instanceof Redirected) return error.url;
    throw error;
  }
  throw new Error("the action did not redirect");
}

beforeEach(async () => {
  inProcessSandbox().reset();
  portal.token = (await createPortalSession({ customerId: ADA_LOVELACE_ID, idempotencyKey: randomUUID() })).token;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("cancelling a Direct Debit without JavaScript", () => {
  it.each([
    ["a newline in it", "key\nforged: 1"],
    ["300 characters", "a".repeat(300)],
    ["a word", "not-a-uuid"],
  ])("refuses a form whose key is not a UUID (%s) as request:invalid, before RevKeen and the log", async (_name, key) => {
    const lines: string[] = [];
    for (const level of ["info", "warn", "error"] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => lines.push(args.join(" ")));
    expect(await submit({ mandateId: ADA_MANDATE_ACTIVE, idempotencyKey: key })).toBe("/portal/direct-debit?outcome=request:invalid");
    expect(await callCount(inProcessSandbox(), "mandates.cancel")).toBe(0);
    expect(lines.filter((line) => line.includes(key))).toEqual([]);
  });

  it("cancels with a UUID key", async () => {
    expect(await submit({ mandateId: ADA_MANDATE_ACTIVE, idempotencyKey: randomUUID() })).toBe("/portal/direct-debit?outcome=cancelled");
    expect(await callCount(inProcessSandbox(), "mandates.cancel")).toBe(1);
  });
});
