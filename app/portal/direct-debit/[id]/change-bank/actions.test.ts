// The change of bank's last step as a plain form (no JavaScript): the form's key is checked before
// anything is sent. The sign-in and the step itself are stood in for.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BANK_FIELDS, CONFIRMED } from "@/lib/shared/billing/bank-details-form";

const MANDATE = "0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d";

const Redirected = vi.hoisted(
  () =>
    class Redirected extends Error {
      constructor(readonly url: string) {
        super(`redirected to ${url}`);
      }
    },
);
const changeBankDetails = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));
vi.mock("@/lib/server/auth/current-user", () => ({ currentUser: async () => ({ id: "github:1" }) }));
vi.mock("@/lib/server/direct-debit/change-bank", () => ({ changeBankDetails, sendChangeCode: vi.fn(), verifyChangeCode: vi.fn() }));

vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");

const { submitNewBankDetails } = await import("./actions");

async function submit(key: string): Promise<string> {
  const form = new FormData();
  for (const [name, value] of Object.entries({
    mandateId: MANDATE,
    idempotencyKey: key,
    [BANK_FIELDS.holder]: "Ada King",
    [BANK_FIELDS.sortCode]: "20-71-64",
    [BANK_FIELDS.accountNumber]: "55779911",
    [BANK_FIELDS.confirmHolder]: CONFIRMED,
    [BANK_FIELDS.confirmSoleSignatory]: CONFIRMED,
  })) {
    form.set(name, value);
  }
  try {
    await submitNewBankDetails(form);
  } catch (error) {
    if (error instanceof Redirected) return error.url;
    throw error;
  }
  throw new Error("the action did not redirect");
}

beforeEach(() => changeBankDetails.mockClear());

afterEach(() => {
  vi.restoreAllMocks();
});

describe("sending new bank details without JavaScript", () => {
  it.each([
    ["a newline in it", "key\nforged: 1"],
    ["300 characters", "a".repeat(300)],
  ])("refuses a form whose key is not a UUID (%s) as request:invalid, sending nothing", async (_name, key) => {
    expect(await submit(key)).toBe(`/portal/direct-debit/${MANDATE}/change-bank?step=details&problem=request%3Ainvalid`);
    expect(changeBankDetails).not.toHaveBeenCalled();
  });

  it("sends the details with a UUID key", async () => {
    const key = randomUUID();
    expect(await submit(key)).toBe("/portal/direct-debit?outcome=changed");
    expect(changeBankDetails).toHaveBeenCalledWith({ id: "github:1" }, MANDATE, expect.objectContaining({ account_number: "55779911" }), key);
  });
});
