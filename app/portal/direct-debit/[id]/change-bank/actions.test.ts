// The change of bank's three steps as server actions (the plain forms and the page with scripts
// alike): each form's fields are checked before anything is sent, each step counts as a write,
// and a step that went through redirects to the next. The sign-in and the steps themselves are
// stood in for; the write limit is the real one.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { BANK_FIELDS, CONFIRMED } from "@/lib/shared/billing/bank-details-form";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { formData } from "@/lib/testing/form-data";

const MANDATE = "0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d";

const Redirected = vi.hoisted(
  () =>
    class Redirected extends Error {
      constructor(readonly url: string) {
        super(`redirected to ${url}`);
      }
    },
);
const signedIn = vi.hoisted(() => ({ id: "" }));
const steps = vi.hoisted(() => ({
  changeBankDetails: vi.fn(async () => undefined),
  sendChangeCode: vi.fn(async () => undefined),
  verifyChangeCode: vi.fn(async () => undefined),
}));
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));
vi.mock("@/lib/server/auth/current-user", () => ({ currentUser: async () => ({ id: signedIn.id }) }));
vi.mock("@/lib/server/direct-debit/change-bank", () => steps);

vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("AUTH_URL", "http://app.test");
vi.stubEnv("PORTAL_WRITES_PER_MINUTE_PER_USER", "2");

const { changeBankAction, sendCodeAction, verifyCodeAction } = await import("./actions");

type Action = (previous: { status: "idle" }, form: FormData) => Promise<unknown>;

/** What the action answered, or where it sent the browser. */
async function submit(action: Action, fields: Record<string, string>): Promise<unknown> {
  try {
    return await action({ status: "idle" }, formData({ mandateId: MANDATE, ...fields }));
  } catch (error) {
    if (error instanceof Redirected) return { redirected: error.url };
    throw error;
  }
}

const NEW_DETAILS = {
  [BANK_FIELDS.holder]: "Ada King",
  [BANK_FIELDS.sortCode]: "20-71-64",
  [BANK_FIELDS.accountNumber]: "55779911",
  [BANK_FIELDS.confirmHolder]: CONFIRMED,
  [BANK_FIELDS.confirmSoleSignatory]: CONFIRMED,
};

/** A user of their own for each test, so no test spends another's write allowance. */
let users = 0;

beforeEach(() => {
  // From this site's own page.
  request.headers = new Headers({ origin: "http://app.test", host: "app.test" });
  users += 1;
  signedIn.id = `github:${users}`;
  for (const step of Object.values(steps)) step.mockClear();
});

describe("sending the code", () => {
  it("goes on to the code step once the code is sent", async () => {
    expect(await submit(sendCodeAction, {})).toEqual({ redirected: `/portal/direct-debit/${MANDATE}/change-bank?step=code&sent=1` });
    expect(steps.sendChangeCode).toHaveBeenCalledWith({ id: signedIn.id }, MANDATE);
  });

  it("answers a refusal by its code and stays on the page", async () => {
    steps.sendChangeCode.mockRejectedValueOnce(new PortalError("upstream:unavailable"));
    expect(await submit(sendCodeAction, {})).toEqual({ status: "failed", code: "upstream:unavailable", message: "Billing is not reachable right now. Please try again." });
  });

  it("refuses a malformed mandate id before anything is sent", async () => {
    expect(await submit(sendCodeAction, { mandateId: "../invoices" })).toMatchObject({ status: "failed", code: "request:invalid" });
    expect(steps.sendChangeCode).not.toHaveBeenCalled();
  });
});

describe("checking the code", () => {
  it("goes on to the details step once the code is right", async () => {
    expect(await submit(verifyCodeAction, { code: " 123456 " })).toEqual({ redirected: `/portal/direct-debit/${MANDATE}/change-bank?step=details` });
    expect(steps.verifyChangeCode).toHaveBeenCalledWith({ id: signedIn.id }, MANDATE, "123456");
  });

  it("refuses what is not six digits as mandate:code_invalid, without asking RevKeen", async () => {
    expect(await submit(verifyCodeAction, { code: "12345x" })).toMatchObject({ status: "failed", code: "mandate:code_invalid" });
    expect(steps.verifyChangeCode).not.toHaveBeenCalled();
  });
});

describe("sending new bank details", () => {
  it.each([
    ["a newline in it", "key\nforged: 1"],
    ["300 characters", "a".repeat(300)],
  ])("refuses a form whose key is not a UUID (%s) as request:invalid, sending nothing", async (_name, key) => {
    expect(await submit(changeBankAction, { ...NEW_DETAILS, idempotencyKey: key })).toEqual({ status: "failed", code: "request:invalid", message: "That request is not valid." });
    expect(steps.changeBankDetails).not.toHaveBeenCalled();
  });

  it("refuses details that are not a UK account as mandate:details_invalid, sending nothing", async () => {
    expect(await submit(changeBankAction, { ...NEW_DETAILS, [BANK_FIELDS.sortCode]: "20-71", idempotencyKey: randomUUID() })).toMatchObject({
      status: "failed",
      code: "mandate:details_invalid",
    });
    expect(steps.changeBankDetails).not.toHaveBeenCalled();
  });

  it("sends the details with a UUID key, then shows the Direct Debits", async () => {
    const key = randomUUID();
    expect(await submit(changeBankAction, { ...NEW_DETAILS, idempotencyKey: key })).toEqual({ redirected: "/portal/direct-debit?outcome=changed" });
    expect(steps.changeBankDetails).toHaveBeenCalledWith({ id: signedIn.id }, MANDATE, expect.objectContaining({ account_number: "55779911" }), key);
  });
});

describe("the write limit", () => {
  it("counts every step: past it, a step answers portal:rate_limited and nothing is sent", async () => {
    // The allowance is two writes a minute.
    await submit(sendCodeAction, {});
    await submit(verifyCodeAction, { code: "123456" });
    expect(await submit(changeBankAction, { ...NEW_DETAILS, idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "portal:rate_limited" });
    expect(await submit(sendCodeAction, {})).toMatchObject({ status: "failed", code: "portal:rate_limited" });
    expect(steps.changeBankDetails).not.toHaveBeenCalled();
    expect(steps.sendChangeCode).toHaveBeenCalledTimes(1);
  });
});
