// The Direct Debit operations against the in-process sandbox: every answer of each step
// becomes a mandate or a PortalError whose code says what the customer can do next, a change of
// bank is never sent twice by the client itself, and no log line carries bank details.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReauthorizeMandateBody } from "@/lib/shared/revkeen-api/mandates";
import type { SeedData } from "@/lib/sandbox/data/records";
import { callCount, callOutcomes, controlSandbox, portalErrorCode, withInProcessSandbox } from "@/lib/testing/sandbox-under-test";
import { createSandbox, type Sandbox } from "@/lib/sandbox/entry/sandbox";
import { ADA_LOVELACE_ID, ADA_MANDATE_ACTIVE, ADA_MANDATE_CANCELLED, createSeed, GRACE_HOPPER_ID } from "@/lib/sandbox/data/seed";

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.REVKEEN_API_KEY = "";
process.env.REVKEEN_TIMEOUT_MS = "300";

const mandates = await import("./mandates");
const merchant = await import("./merchant");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");

const SORT_CODE = "40-11-62";
const ACCOUNT_NUMBER = "55779911";
let sandbox: Sandbox;

const control = <T = unknown>(method: string, path: string, body?: unknown) => controlSandbox<T>(inProcessSandbox(), method, path, body);
const calls = (operation: string) => callCount(inProcessSandbox(), operation);

const mint = async (customerId = ADA_LOVELACE_ID) => (await merchant.createPortalSession({ customerId, idempotencyKey: randomUUID() })).token;

async function latestCode(): Promise<string> {
  const [email] = await control<{ code: string }[]>("GET", `emails?customer_id=${ADA_LOVELACE_ID}`);
  return email?.code ?? "";
}

async function verified(token: string): Promise<string> {
  await mandates.sendMandateCode(token, ADA_MANDATE_ACTIVE);
  return mandates.verifyMandateCode(token, ADA_MANDATE_ACTIVE, await latestCode());
}

function details(verificationToken: string, overrides: Partial<ReauthorizeMandateBody> = {}): ReauthorizeMandateBody {
  return {
    account_holder_name: "Ada King",
    sort_code: SORT_CODE,
    account_number: ACCOUNT_NUMBER,
    verification_token: verificationToken,
    acceptance: { accountHolder: true, soleSignatory: true },
    ...overrides,
  };
}

/** Runs `work` against a sandbox whose Ada has no e-mail address (the API cannot make one). */
async function withoutEmail(work: () => Promise<void>): Promise<void> {
  const seed = (now: number): SeedData => {
    const data = createSeed(now);
    return { ...data, customers: data.customers.map((customer) => (customer.id === ADA_LOVELACE_ID ? { ...customer, email: null } : customer)) };
  };
  await withInProcessSandbox(createSandbox({ seed }), work);
}

beforeAll(() => {
  sandbox = inProcessSandbox();
});

beforeEach(() => sandbox.reset());

afterEach(() => {
  vi.restoreAllMocks();
});

describe("listing mandates", () => {
  it("reads the customer's mandates, newest first, with the last four digits", async () => {
    const list = await mandates.listMandates(await mint());
    expect(list.data.map((mandate) => [mandate.id, mandate.status, mandate.account_number_last4])).toEqual([
      [ADA_MANDATE_ACTIVE, "active", "4321"],
      [ADA_MANDATE_CANCELLED, "cancelled", "7788"],
    ]);
    expect((await mandates.listMandates(await mint(GRACE_HOPPER_ID))).data).toEqual([]);
  });

  it("says self-service is off when the merchant does not offer it, on every step", async () => {
    const token = await mint();
    await control("POST", "settings", { direct_debit_self_service: false });
    expect(await portalErrorCode(mandates.listMandates(token))).toBe("mandate:self_service_off");
    expect(await portalErrorCode(mandates.cancelMandate(token, ADA_MANDATE_ACTIVE, {}, randomUUID()))).toBe("mandate:self_service_off");
    expect(await portalErrorCode(mandates.sendMandateCode(token, ADA_MANDATE_ACTIVE))).toBe("mandate:self_service_off");
    expect(await portalErrorCode(mandates.verifyMandateCode(token, ADA_MANDATE_ACTIVE, "123456"))).toBe("mandate:self_service_off");
    expect(await portalErrorCode(mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details("vt_x"), randomUUID()))).toBe("mandate:self_service_off");
  });

  it("logs self-service being off as information, since every portal page asks, and a real refusal as a warning", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const token = await mint();
      await control("POST", "settings", { direct_debit_self_service: false });
      await portalErrorCode(mandates.listMandates(token));
      expect(info.mock.calls.flat().join("\n")).toContain('"operation":"mandates.list","status":403');
      expect(warn.mock.calls.flat().join("\n")).not.toContain('"operation":"mandates.list"');
      await control("POST", "tokens/revoke", {});
      await portalErrorCode(mandates.listMandates(token));
      expect(warn.mock.calls.flat().join("\n")).toContain('"operation":"mandates.list","status":401');
    } finally {
      info.mockRestore();
      warn.mockRestore();
    }
  });

  it("calls a refused token expired", async () => {
    const token = await mint();
    await control("POST", "tokens/revoke", {});
    expect(await portalErrorCode(mandates.listMandates(token))).toBe("portal:expired");
  });
});

describe("cancelling a mandate", () => {
  it("cancels it, and says so when it already is", async () => {
    const token = await mint();
    const cancelled = await mandates.cancelMandate(token, ADA_MANDATE_ACTIVE, { reason: "Paying by card" }, randomUUID());
    expect(cancelled).toMatchObject({ id: ADA_MANDATE_ACTIVE, status: "cancelled", next_collection_date: null });
    expect(await portalErrorCode(mandates.cancelMandate(token, ADA_MANDATE_ACTIVE, {}, randomUUID()))).toBe("mandate:already_cancelled");
    expect(await portalErrorCode(mandates.cancelMandate(token, ADA_MANDATE_CANCELLED, {}, randomUUID()))).toBe("mandate:already_cancelled");
  });

  it("calls another customer's mandate not found, and a malformed id too, without calling RevKeen", async () => {
    expect(await portalErrorCode(mandates.cancelMandate(await mint(GRACE_HOPPER_ID), ADA_MANDATE_ACTIVE, {}, randomUUID()))).toBe("mandate:not_found");
    await control("DELETE", "calls");
    expect(await portalErrorCode(mandates.cancelMandate(await mint(), "../subscriptions", {}, randomUUID()))).toBe("mandate:not_found");
    expect(await calls("mandates.cancel")).toBe(0);
  });

  it("cancels once when the first attempt's answer is lost and the retry reuses the key", async () => {
    const token = await mint();
    await control("POST", "faults", { operation: "mandates.cancel", lose_answer: true });
    expect((await mandates.cancelMandate(token, ADA_MANDATE_ACTIVE, {}, randomUUID())).status).toBe("cancelled");
    const [lost, retry, ...more] = await callOutcomes(sandbox, "mandates.cancel");
    expect(more).toEqual([]);
    expect(lost).toMatchObject({ status: null, fault: "lose-answer", replayed: false });
    expect(retry).toMatchObject({ status: 200, replayed: true, idempotency_key_hash: lost?.idempotency_key_hash });
  });
});

describe("sending a code", () => {
  it("has RevKeen e-mail the customer a code", async () => {
    await mandates.sendMandateCode(await mint(), ADA_MANDATE_ACTIVE);
    expect(await latestCode()).toMatch(/^\d{6}$/);
  });

  it("says a cancelled mandate or one being changed cannot be changed, and another's is not found", async () => {
    const token = await mint();
    expect(await portalErrorCode(mandates.sendMandateCode(token, ADA_MANDATE_CANCELLED))).toBe("mandate:not_amendable");
    await mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details(await verified(token)), randomUUID());
    expect(await portalErrorCode(mandates.sendMandateCode(token, ADA_MANDATE_ACTIVE))).toBe("mandate:not_amendable");
    expect(await portalErrorCode(mandates.sendMandateCode(await mint(GRACE_HOPPER_ID), ADA_MANDATE_ACTIVE))).toBe("mandate:not_found");
  });

  it("says the customer has no e-mail address to send it to", async () => {
    await withoutEmail(async () => {
      const token = await mint();
      expect(await portalErrorCode(mandates.sendMandateCode(token, ADA_MANDATE_ACTIVE))).toBe("mandate:no_email");
      expect(await portalErrorCode(mandates.verifyMandateCode(token, ADA_MANDATE_ACTIVE, "123456"))).toBe("mandate:no_email");
      expect(await portalErrorCode(mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details("vt_x"), randomUUID()))).toBe("mandate:account_incomplete");
    });
  });

  it("calls a 400 (Direct Debit not enabled) self-service being off", async () => {
    const token = await mint();
    await control("POST", "faults", { operation: "mandates.send_otp", status: 400 });
    expect(await portalErrorCode(mandates.sendMandateCode(token, ADA_MANDATE_ACTIVE))).toBe("mandate:self_service_off");
  });
});

describe("verifying the code", () => {
  it("trades the right code for a verification token", async () => {
    expect(await verified(await mint())).toMatch(/^vt_/);
  });

  it("tells a wrong code from an expired one and from too many tries, and refuses a malformed one without calling RevKeen", async () => {
    const token = await mint();
    await mandates.sendMandateCode(token, ADA_MANDATE_ACTIVE);
    const code = await latestCode();
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await portalErrorCode(mandates.verifyMandateCode(token, ADA_MANDATE_ACTIVE, wrong))).toBe("mandate:code_invalid");
    for (let attempt = 2; attempt <= 5; attempt += 1) await portalErrorCode(mandates.verifyMandateCode(token, ADA_MANDATE_ACTIVE, wrong));
    expect(await portalErrorCode(mandates.verifyMandateCode(token, ADA_MANDATE_ACTIVE, code))).toBe("mandate:code_attempts_exceeded");
    await mandates.sendMandateCode(token, ADA_MANDATE_ACTIVE);
    const second = await latestCode();
    await control("POST", "clock", { advance_seconds: 10 * 60 });
    const fresh = await mint();
    expect(await portalErrorCode(mandates.verifyMandateCode(fresh, ADA_MANDATE_ACTIVE, second))).toBe("mandate:code_expired");
    await control("DELETE", "calls");
    expect(await portalErrorCode(mandates.verifyMandateCode(fresh, ADA_MANDATE_ACTIVE, "12ab56"))).toBe("mandate:code_invalid");
    expect(await calls("mandates.verify_otp")).toBe(0);
  });

  it("says another customer's mandate is not found", async () => {
    expect(await portalErrorCode(mandates.verifyMandateCode(await mint(GRACE_HOPPER_ID), ADA_MANDATE_ACTIVE, "123456"))).toBe("mandate:not_found");
  });
});

describe("changing the bank details", () => {
  it("sends the new details, sort code as six digits, and answers the mandate back to pending", async () => {
    const token = await mint();
    const changed = await mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details(await verified(token)), randomUUID());
    expect(changed).toMatchObject({ id: ADA_MANDATE_ACTIVE, status: "pending", account_holder_name: "Ada King", account_number_last4: "9911" });
  });

  it("refuses details that are not UK bank details without calling RevKeen", async () => {
    const token = await mint();
    await control("DELETE", "calls");
    for (const overrides of [{ sort_code: "40-11-6" }, { account_number: "5577991" }, { account_holder_name: " " }]) {
      expect(await portalErrorCode(mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details("vt_x", overrides), randomUUID()))).toBe("mandate:details_invalid");
    }
    expect(await calls("mandates.reauthorize")).toBe(0);
  });

  it("tells a refused verification token from refused details", async () => {
    const token = await mint();
    expect(await portalErrorCode(mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details("vt_made_up"), randomUUID()))).toBe("mandate:verification_expired");
    await control("POST", "faults", { operation: "mandates.reauthorize", status: 400 });
    expect(await portalErrorCode(mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details(await verified(token)), randomUUID()))).toBe("mandate:details_invalid");
  });

  it("says a change is already in progress, and another customer's mandate is not found", async () => {
    const token = await mint();
    const first = await verified(token);
    const second = await verified(token);
    await mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details(first), randomUUID());
    expect(await portalErrorCode(mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details(second), randomUUID()))).toBe("mandate:amendment_in_progress");
    expect(await portalErrorCode(mandates.reauthorizeMandate(await mint(GRACE_HOPPER_ID), ADA_MANDATE_ACTIVE, details("vt_x"), randomUUID()))).toBe("mandate:not_found");
  });

  it("calls the same key with other details a conflict", async () => {
    const token = await mint();
    const key = randomUUID();
    const verification = await verified(token);
    await mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details(verification), key);
    expect(await portalErrorCode(mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details(verification, { account_number: "12345678" }), key))).toBe("upstream:conflict");
  });

  it.each([
    [{ status: 500 }, "mandate:must_reconcile"],
    [{ status: 502 }, "mandate:must_reconcile"],
    [{ status: 503 }, "mandate:bank_storage_unavailable"],
    [{ status: 504 }, "mandate:must_reconcile"],
    [{ drop: true }, "mandate:must_reconcile"],
    [{ malformed: true }, "mandate:must_reconcile"],
    [{ delay_ms: 2_000 }, "mandate:must_reconcile"],
    [{ status: 429, retry_after: 5 }, "upstream:rate_limited"],
  ])("is never retried: %j becomes %s after one call", async (fault, code) => {
    const token = await mint();
    const verification = await verified(token);
    await control("DELETE", "calls");
    await control("POST", "faults", { operation: "mandates.reauthorize", ...fault });
    expect(await portalErrorCode(mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details(verification), randomUUID()))).toBe(code);
    expect(await calls("mandates.reauthorize")).toBe(1);
  });

  it("a 502 on re-authorize is not retried, while the same fault on cancel is", async () => {
    const token = await mint();
    const verification = await verified(token);
    await control("DELETE", "calls");
    await control("POST", "faults", { operation: ["mandates.reauthorize", "mandates.cancel"], status: 502, count: 2 });
    expect(await portalErrorCode(mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details(verification), randomUUID()))).toBe("mandate:must_reconcile");
    expect(await calls("mandates.reauthorize")).toBe(1);
    await mandates.cancelMandate(token, ADA_MANDATE_ACTIVE, {}, randomUUID());
    expect(await calls("mandates.cancel")).toBe(2);
  });

  it("writes no bank details to any log line, whatever happens", async () => {
    const lines: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${String(arg.cause)}` : String(arg))).join(" "));
      });
    }
    const token = await mint();
    for (const fault of [{ status: 502 }, { status: 503 }, { drop: true }, { malformed: true }, { status: 400 }, { delay_ms: 2_000 }]) {
      await control("POST", "faults", { operation: "mandates.reauthorize", ...fault });
      await portalErrorCode(mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details(await verified(token)), randomUUID()));
    }
    await portalErrorCode(mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details("vt_made_up"), randomUUID()));
    await mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details(await verified(token)), randomUUID());
    await portalErrorCode(mandates.reauthorizeMandate(token, ADA_MANDATE_ACTIVE, details("vt_x"), randomUUID()));
    expect(lines.some((line) => line.includes("mandates.reauthorize"))).toBe(true);
    for (const line of lines) for (const secret of [ACCOUNT_NUMBER, SORT_CODE, "401162"]) expect(line).not.toContain(secret);
  });
});
