import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { portalMandateSchema, type PortalMandate } from "@/lib/shared/revkeen-api/mandates";
import type { CallSummary } from "../controls/call-log";
import type { SentEmail } from "../data/one-time-codes";
import type { SeedData } from "../data/records";
import type { Sandbox } from "../entry/sandbox";
import { ADA_LOVELACE_ID, ADA_MANDATE_ACTIVE, ADA_MANDATE_CANCELLED, createSeed, GRACE_HOPPER_ID } from "../data/seed";
import { control, dataOf, errorOf, MINUTE_MS, mintToken, portal, setup, setupWithWebhooks, START } from "../entry/test-support";
import type { Delivery } from "../data/webhooks";

// Bank details distinctive enough to search every output for.
const SORT_CODE = "20-47-93";
const ACCOUNT_NUMBER = "31926819";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

type List = { object: string; data: PortalMandate[]; has_more: boolean; url: string };

function post(body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body),
  };
}

const list = (sandbox: Sandbox, token: string) => portal(sandbox, token, "/mandates");
const cancel = (sandbox: Sandbox, token: string, id: string, body?: unknown, headers: Record<string, string> = {}) =>
  portal(sandbox, token, `/mandates/${id}/cancel`, post(body, headers));
const sendCode = (sandbox: Sandbox, token: string, id = ADA_MANDATE_ACTIVE) => portal(sandbox, token, `/mandates/${id}/re-authorize/send-otp`, { method: "POST" });
const verify = (sandbox: Sandbox, token: string, code: unknown, id = ADA_MANDATE_ACTIVE) => portal(sandbox, token, `/mandates/${id}/re-authorize/verify-otp`, post({ code }));
const reauthorize = (sandbox: Sandbox, token: string, body: unknown, id = ADA_MANDATE_ACTIVE, headers: Record<string, string> = {}) =>
  portal(sandbox, token, `/mandates/${id}/re-authorize`, post(body, headers));

function newDetails(verificationToken: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    account_holder_name: "Ada King",
    sort_code: SORT_CODE,
    account_number: ACCOUNT_NUMBER,
    verification_token: verificationToken,
    acceptance: { accountHolder: true, soleSignatory: true },
    ...overrides,
  };
}

async function emails(sandbox: Sandbox, query = ""): Promise<SentEmail[]> {
  return dataOf<SentEmail[]>(await control(sandbox, "GET", `/emails${query}`));
}

async function latestCode(sandbox: Sandbox): Promise<string> {
  const [latest] = await emails(sandbox, `?customer_id=${ADA_LOVELACE_ID}`);
  if (!latest) throw new Error("no code was sent");
  return latest.code;
}

/** Steps one and two: a code sent, read from the outbox and verified. */
async function verificationToken(sandbox: Sandbox, token: string, id = ADA_MANDATE_ACTIVE): Promise<string> {
  expect((await sendCode(sandbox, token, id)).status).toBe(200);
  const response = await verify(sandbox, token, await latestCode(sandbox), id);
  expect(response.status).toBe(200);
  return ((await response.json()) as { verification_token: string }).verification_token;
}

async function mandate(sandbox: Sandbox, token: string, id = ADA_MANDATE_ACTIVE): Promise<PortalMandate | undefined> {
  return ((await (await list(sandbox, token)).json()) as List).data.find((item) => item.id === id);
}

const wrongCode = (code: string) => (code === "000000" ? "111111" : "000000");

/** The seed with Ada's e-mail address taken away: the sandbox's API cannot make such a customer. */
function adaWithoutEmail(now: number): SeedData {
  const seed = createSeed(now);
  return { ...seed, customers: seed.customers.map((customer) => (customer.id === ADA_LOVELACE_ID ? { ...customer, email: null } : customer)) };
}

async function expectError(response: Response, status: number, code: string, message?: string | RegExp): Promise<void> {
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
}

describe("GET /v2/customer-portal/mandates", () => {
  it("lists Ada's mandates newest first, in one page, with the last four digits only", async () => {
    const { sandbox } = setup();
    const response = await list(sandbox, await mintToken(sandbox));
    expect(response.status).toBe(200);
    const body = (await response.json()) as List;
    expect(body).toMatchObject({ object: "list", has_more: false, url: "/v2/customer-portal/mandates" });
    expect(body.data.map((item) => item.id)).toEqual([ADA_MANDATE_ACTIVE, ADA_MANDATE_CANCELLED]);
    const [active, cancelled] = body.data;
    expect(active).toEqual({
      id: ADA_MANDATE_ACTIVE,
      object: "mandate",
      status: "active",
      account_holder_name: "Ada Lovelace",
      account_number_last4: "4321",
      bank_name: "Barclays",
      mandate_reference: "RK-ADA-0001",
      next_collection_date: new Date(START + 5 * 86_400_000).toISOString().slice(0, 10),
      created_at: expect.any(String),
    });
    expect(Date.parse(active?.created_at ?? "")).toBeLessThan(START);
    expect(cancelled).toMatchObject({ status: "cancelled", next_collection_date: null });
    for (const item of body.data) expect(portalMandateSchema.strict().parse(item)).toEqual(item);
  });

  it("is empty for a customer without Direct Debit, and ignores query parameters", async () => {
    const { sandbox } = setup();
    const grace = await mintToken(sandbox, GRACE_HOPPER_ID);
    expect(((await (await list(sandbox, grace)).json()) as List).data).toEqual([]);
    const ada = await mintToken(sandbox);
    expect(((await (await portal(sandbox, ada, "/mandates?limit=1")).json()) as List).data).toHaveLength(2);
  });

  it("needs a portal token: 401 without one or with a revoked one", async () => {
    const { sandbox } = setup();
    await expectError(await sandbox.handle(new Request("http://sandbox.test/v2/customer-portal/mandates")), 401, "unauthenticated");
    const token = await mintToken(sandbox);
    await control(sandbox, "POST", "/tokens/revoke", {});
    await expectError(await list(sandbox, token), 401, "unauthenticated");
  });
});

describe("the direct_debit_self_service setting", () => {
  it("is on by default; off, every mandate operation answers 403 (after 401); reset turns it back on", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    expect(await dataOf(await control(sandbox, "GET", "/settings"))).toMatchObject({ direct_debit_self_service: true });
    const off = await control(sandbox, "POST", "/settings", { direct_debit_self_service: false });
    expect(await dataOf(off)).toMatchObject({ direct_debit_self_service: false });

    await expectError(await list(sandbox, token), 403, "forbidden", "Direct Debit self-service is not enabled for this merchant.");
    await expectError(await cancel(sandbox, token, ADA_MANDATE_ACTIVE), 403, "forbidden");
    await expectError(await sendCode(sandbox, token), 403, "forbidden");
    await expectError(await verify(sandbox, token, "123456"), 403, "forbidden");
    await expectError(await reauthorize(sandbox, token, newDetails("vt_x")), 403, "forbidden");
    await expectError(await sandbox.handle(new Request("http://sandbox.test/v2/customer-portal/mandates")), 401, "unauthenticated");

    await control(sandbox, "POST", "/reset");
    expect(await dataOf(await control(sandbox, "GET", "/settings"))).toMatchObject({ direct_debit_self_service: true });
    expect((await list(sandbox, await mintToken(sandbox))).status).toBe(200);
  });
});

describe("POST /v2/customer-portal/mandates/{id}/cancel", () => {
  it("cancels for future collections: status cancelled, no next collection, in the list too", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const response = await cancel(sandbox, token, ADA_MANDATE_ACTIVE, { reason: "Paying by card from now on" });
    expect(response.status).toBe(200);
    const cancelled = await dataOf<PortalMandate>(response);
    expect(cancelled).toMatchObject({ id: ADA_MANDATE_ACTIVE, status: "cancelled", next_collection_date: null, account_number_last4: "4321" });
    expect(await mandate(sandbox, token)).toEqual(cancelled);
    expect((await cancel(sandbox, token, ADA_MANDATE_CANCELLED.toUpperCase())).status).toBe(400);
  });

  it("takes no body, an empty body or an empty object", async () => {
    for (const body of [undefined, "", {}]) {
      const { sandbox } = setup();
      expect((await cancel(sandbox, await mintToken(sandbox), ADA_MANDATE_ACTIVE, body)).status).toBe(200);
    }
  });

  it("answers 400 for a mandate already cancelled, saying so", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await expectError(await cancel(sandbox, token, ADA_MANDATE_CANCELLED), 400, "invalid_request", "This mandate is already cancelled.");
    await cancel(sandbox, token, ADA_MANDATE_ACTIVE);
    await expectError(await cancel(sandbox, token, ADA_MANDATE_ACTIVE), 400, "invalid_request", "This mandate is already cancelled.");
  });

  it("answers the same 404 for an unknown mandate and another customer's; 400 for a malformed id or body", async () => {
    const { sandbox } = setup();
    const grace = await mintToken(sandbox, GRACE_HOPPER_ID);
    const theirs = await cancel(sandbox, grace, ADA_MANDATE_ACTIVE);
    const unknown = await cancel(sandbox, grace, UNKNOWN_ID);
    expect(theirs.status).toBe(404);
    expect(await errorOf(theirs)).toEqual(await errorOf(unknown));
    await expectError(await cancel(sandbox, grace, "not-a-uuid"), 400, "invalid_request", "Invalid mandate id in the path: mandate ids are UUIDs.");
    const ada = await mintToken(sandbox);
    await expectError(await cancel(sandbox, ada, ADA_MANDATE_ACTIVE, { reason: "x".repeat(501) }), 400, "invalid_request", /reason/);
    await expectError(await cancel(sandbox, ada, ADA_MANDATE_ACTIVE, "[1]"), 400, "invalid_request");
    expect((await mandate(sandbox, ada))?.status).toBe("active");
  });

  it("replays the first answer for a repeated Idempotency-Key, per customer", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const key = { "idempotency-key": "cancel-mandate-once" };
    const first = await cancel(sandbox, token, ADA_MANDATE_ACTIVE, { reason: "moving" }, key);
    const again = await cancel(sandbox, token, ADA_MANDATE_ACTIVE, { reason: "moving" }, key);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    await expectError(await cancel(sandbox, token, ADA_MANDATE_ACTIVE, { reason: "other" }, key), 409, "idempotency_key_reused");
    // Grace's key space is her own: the same key is new there.
    await expectError(await cancel(sandbox, await mintToken(sandbox, GRACE_HOPPER_ID), ADA_MANDATE_ACTIVE, { reason: "moving" }, key), 404, "resource_missing");
  });
});

describe("POST …/re-authorize/send-otp", () => {
  it("e-mails a 6-digit code good for 10 minutes, shown by GET /__sandbox/emails", async () => {
    const { sandbox } = setup();
    const response = await sendCode(sandbox, await mintToken(sandbox));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const [email, ...others] = await emails(sandbox);
    expect(others).toEqual([]);
    expect(email).toEqual({
      customer_id: ADA_LOVELACE_ID,
      mandate_id: ADA_MANDATE_ACTIVE,
      to: "ada@example.com",
      subject: "Your code to change your Direct Debit bank details",
      text: expect.stringContaining(email?.code ?? "?"),
      code: expect.stringMatching(/^\d{6}$/),
      sent_at: new Date(START).toISOString(),
      expires_at: new Date(START + 10 * MINUTE_MS).toISOString(),
    });
  });

  it("lists the mail newest first, one customer's with ?customer_id=, and keeps the last 200", async () => {
    const { sandbox, clock } = setup();
    const token = await mintToken(sandbox);
    await sendCode(sandbox, token);
    clock.advance(1_000);
    await sendCode(sandbox, token);
    const [newest, older] = await emails(sandbox, `?customer_id=${ADA_LOVELACE_ID}`);
    expect(Date.parse(newest?.sent_at ?? "")).toBeGreaterThan(Date.parse(older?.sent_at ?? ""));
    expect(await emails(sandbox, `?customer_id=${GRACE_HOPPER_ID}`)).toEqual([]);
    await expectError(await control(sandbox, "GET", "/emails?customer_id=ada"), 400, "invalid_request");

    for (let i = 0; i < 200; i += 1) await sendCode(sandbox, token);
    const all = await emails(sandbox);
    expect(all).toHaveLength(200);
    expect(all.every((email) => email.sent_at === new Date(START + 1_000).toISOString())).toBe(true);
  });

  it("replaces the previous code with the new one", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await sendCode(sandbox, token);
    const first = await latestCode(sandbox);
    await sendCode(sandbox, token);
    const second = await latestCode(sandbox);
    if (first !== second) await expectError(await verify(sandbox, token, first), 400, "invalid_request", /not valid/);
    expect((await verify(sandbox, token, second)).status).toBe(200);
  });

  it("answers 409 for a mandate not in an amendable state: cancelled, or with a change pending", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await expectError(await sendCode(sandbox, token, ADA_MANDATE_CANCELLED), 409, "conflict", /not in an amendable state/);
    expect((await reauthorize(sandbox, token, newDetails(await verificationToken(sandbox, token)))).status).toBe(201);
    await expectError(await sendCode(sandbox, token), 409, "conflict", /not in an amendable state/);
  });

  it("answers 404 for another customer's mandate and 422 when the customer has no e-mail", async () => {
    const { sandbox } = setup();
    await expectError(await sendCode(sandbox, await mintToken(sandbox, GRACE_HOPPER_ID)), 404, "resource_missing", "No such mandate.");
    const noEmail = setup({ seed: adaWithoutEmail }).sandbox;
    await expectError(await sendCode(noEmail, await mintToken(noEmail)), 422, "unprocessable_entity", /no e-mail address/);
    expect(await emails(noEmail)).toEqual([]);
  });
});

describe("POST …/re-authorize/verify-otp", () => {
  it("trades the right code for a verification token, once", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await sendCode(sandbox, token);
    const code = await latestCode(sandbox);
    const response = await verify(sandbox, token, ` ${code} `);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ verification_token: expect.stringMatching(/^vt_[A-Za-z0-9_-]{32}$/) });
    await expectError(await verify(sandbox, token, code), 400, "invalid_request", /no code to check/);
  });

  it("answers 400 for a wrong code, never repeating it", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await sendCode(sandbox, token);
    const wrong = wrongCode(await latestCode(sandbox));
    const response = await verify(sandbox, token, wrong);
    await expectError(response.clone(), 400, "invalid_request", "This code is not valid; check it, or send a new code.");
    expect(await response.text()).not.toContain(wrong);
  });

  it("lets a code expire 10 minutes of sandbox time after it was sent", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await sendCode(sandbox, token);
    const code = await latestCode(sandbox);
    await control(sandbox, "POST", "/clock", { advance_seconds: 10 * 60 - 1 });
    await expectError(await verify(sandbox, token, wrongCode(code)), 400, "invalid_request", /not valid/);
    await control(sandbox, "POST", "/clock", { advance_seconds: 1 });
    await expectError(await verify(sandbox, token, code), 400, "invalid_request", "This code has expired; send a new code.");
    await sendCode(sandbox, token);
    expect((await verify(sandbox, token, await latestCode(sandbox))).status).toBe(200);
  });

  it("allows five tries: the sixth is refused even with the right code, until a new code is sent", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await sendCode(sandbox, token);
    const code = await latestCode(sandbox);
    for (let i = 0; i < 5; i += 1) await expectError(await verify(sandbox, token, wrongCode(code)), 400, "invalid_request", /not valid/);
    await expectError(await verify(sandbox, token, code), 400, "invalid_request", "Too many attempts; send a new code.");
    await expectError(await verify(sandbox, token, code), 400, "invalid_request", "Too many attempts; send a new code.");
    await sendCode(sandbox, token);
    expect((await verify(sandbox, token, await latestCode(sandbox))).status).toBe(200);
  });

  it("counts the fifth try as a try: the right code on it still works", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await sendCode(sandbox, token);
    const code = await latestCode(sandbox);
    for (let i = 0; i < 4; i += 1) await verify(sandbox, token, wrongCode(code));
    expect((await verify(sandbox, token, code)).status).toBe(200);
  });

  it("answers 400 with no code sent or no code given, 404 for another's mandate, 422 without an e-mail", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await expectError(await verify(sandbox, token, "123456"), 400, "invalid_request", /no code to check/);
    await expectError(await portal(sandbox, token, `/mandates/${ADA_MANDATE_ACTIVE}/re-authorize/verify-otp`, post({})), 400, "invalid_request", /code/);
    await expectError(await portal(sandbox, token, `/mandates/${ADA_MANDATE_ACTIVE}/re-authorize/verify-otp`, post()), 400, "invalid_request");
    await expectError(await verify(sandbox, await mintToken(sandbox, GRACE_HOPPER_ID), "123456"), 404, "resource_missing");
    const noEmail = setup({ seed: adaWithoutEmail }).sandbox;
    await expectError(await verify(noEmail, await mintToken(noEmail), "123456"), 422, "unprocessable_entity");
  });
});

describe("POST …/mandates/{id}/re-authorize", () => {
  it("takes the new details with a verified token: 201, back to pending, the new last four digits", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const response = await reauthorize(sandbox, token, newDetails(await verificationToken(sandbox, token)));
    expect(response.status).toBe(201);
    const changed = await dataOf<PortalMandate>(response);
    expect(changed).toEqual({
      id: ADA_MANDATE_ACTIVE,
      object: "mandate",
      status: "pending",
      account_holder_name: "Ada King",
      account_number_last4: "6819",
      bank_name: "Barclays",
      mandate_reference: "RK-ADA-0001",
      next_collection_date: expect.any(String),
      created_at: expect.any(String),
    });
    expect(await mandate(sandbox, token)).toEqual(changed);
  });

  it("confirms the new account three sandbox days later: active again, and announced as mandate.activated", async () => {
    const hook = await endpoint();
    const { sandbox } = setupWithWebhooks(hook.url);
    const token = await mintToken(sandbox);
    await reauthorize(sandbox, token, newDetails(await verificationToken(sandbox, token)));
    await control(sandbox, "POST", "/clock", { advance_seconds: 2 * 24 * 60 * 60 });
    expect((await mandate(sandbox, await mintToken(sandbox)))?.status).toBe("pending");
    await control(sandbox, "POST", "/clock", { advance_seconds: 24 * 60 * 60 });
    const fresh = await mintToken(sandbox);
    expect(await mandate(sandbox, fresh)).toMatchObject({ status: "active", account_number_last4: "6819" });
    await sandbox.webhooksSettled();
    const types = hook.bodies.map((body) => (JSON.parse(body) as MandateEvent).type);
    expect(types.filter((type) => type.startsWith("mandate."))).toEqual(["mandate.created", "mandate.activated"]);
  });

  it("moves an active mandate's next collection on a month at a time as the clock passes it", async () => {
    const { sandbox } = setup();
    const before = (await mandate(sandbox, await mintToken(sandbox)))?.next_collection_date ?? "";
    await control(sandbox, "POST", "/clock", { advance_seconds: 40 * 24 * 60 * 60 });
    const after = (await mandate(sandbox, await mintToken(sandbox)))?.next_collection_date ?? "";
    expect(Date.parse(after)).toBeGreaterThanOrEqual(START + 40 * 24 * 60 * 60 * 1000 - 24 * 60 * 60 * 1000);
    expect(new Date(after).getUTCDate()).toBe(new Date(before).getUTCDate());
  });

  it.each(["20-47-93", "20 47 93", "204793", " 204793 "])("accepts the sort code written %j", async (sortCode) => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    expect((await reauthorize(sandbox, token, newDetails(await verificationToken(sandbox, token), { sort_code: sortCode }))).status).toBe(201);
  });

  it.each([
    ["a 5-digit sort code", { sort_code: "20-47-9" }, /sort_code: must be 6 digits/],
    ["mixed sort-code separators", { sort_code: "20-47 93" }, /sort_code/],
    ["a sort code with letters", { sort_code: "20-47-9a" }, /sort_code/],
    ["a 7-digit account number", { account_number: "3192681" }, /account_number: must be 8 digits/],
    ["a 9-digit account number", { account_number: "319268190" }, /account_number/],
    ["an account number as a number", { account_number: 31926819 }, /account_number: must be a string/],
    ["an empty holder name", { account_holder_name: "  " }, /account_holder_name: must not be empty/],
    ["a 101-character holder name", { account_holder_name: "A".repeat(101) }, /account_holder_name: must be at most 100/],
    ["accountHolder not accepted", { acceptance: { accountHolder: false, soleSignatory: true } }, /acceptance.accountHolder: must be true/],
    ["soleSignatory missing", { acceptance: { accountHolder: true } }, /acceptance.soleSignatory/],
    ["no acceptance", { acceptance: undefined }, /acceptance/],
    ["no verification token", { verification_token: undefined }, /verification_token/],
  ])("answers 400 for %s, without repeating the details", async (_name, overrides, message) => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const verification = await verificationToken(sandbox, token);
    const response = await reauthorize(sandbox, token, newDetails(verification, overrides));
    const text = await response.clone().text();
    await expectError(response, 400, "invalid_request", message);
    for (const secret of [SORT_CODE, "204793", ACCOUNT_NUMBER, "3192681"]) expect(text).not.toContain(secret);
    // Refused before anything was done: the token still works.
    expect((await reauthorize(sandbox, token, newDetails(verification))).status).toBe(201);
  });

  it("refuses a verification token that is made up, used, expired or for another mandate", async () => {
    const both = (now: number): SeedData => {
      const seed = createSeed(now);
      for (const record of seed.mandates) record.mandate.status = "active";
      return seed;
    };
    const { sandbox } = setup({ seed: both });
    const token = await mintToken(sandbox);
    const refused = /Invalid verification_token/;
    await expectError(await reauthorize(sandbox, token, newDetails("vt_made_up")), 400, "invalid_request", refused);

    const forTheOther = await verificationToken(sandbox, token, ADA_MANDATE_CANCELLED);
    await expectError(await reauthorize(sandbox, token, newDetails(forTheOther)), 400, "invalid_request", refused);
    // Offered to the wrong mandate, it was not spent: its own mandate takes it.
    expect((await reauthorize(sandbox, token, newDetails(forTheOther), ADA_MANDATE_CANCELLED)).status).toBe(201);

    const stale = await verificationToken(sandbox, token);
    await control(sandbox, "POST", "/clock", { advance_seconds: 10 * 60 });
    await expectError(await reauthorize(sandbox, await mintToken(sandbox), newDetails(stale)), 400, "invalid_request", refused);
  });

  it("forgets every code and token on reset", async () => {
    const { sandbox } = setup();
    const verification = await verificationToken(sandbox, await mintToken(sandbox));
    await control(sandbox, "POST", "/reset");
    expect(await emails(sandbox)).toEqual([]);
    await expectError(await reauthorize(sandbox, await mintToken(sandbox), newDetails(verification)), 400, "invalid_request", /Invalid verification_token/);
  });

  it("answers 409 while an amendment is in progress, and for a mandate cancelled meanwhile", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const first = await verificationToken(sandbox, token);
    const second = await verificationToken(sandbox, token);
    expect((await reauthorize(sandbox, token, newDetails(first))).status).toBe(201);
    await expectError(await reauthorize(sandbox, token, newDetails(second, { account_number: "12345678" })), 409, "conflict", "A change of bank details is already in progress for this mandate.");
    expect((await mandate(sandbox, token))?.account_number_last4).toBe("6819");

    const other = setup().sandbox;
    const ada = await mintToken(other);
    const verification = await verificationToken(other, ada);
    await cancel(other, ada, ADA_MANDATE_ACTIVE);
    await expectError(await reauthorize(other, ada, newDetails(verification)), 409, "conflict", /cancelled meanwhile/);
  });

  it("answers 404 for another customer's mandate, 401 without a token, 422 when the customer lacks an e-mail", async () => {
    const { sandbox } = setup();
    await expectError(await reauthorize(sandbox, await mintToken(sandbox, GRACE_HOPPER_ID), newDetails("vt_x")), 404, "resource_missing");
    await expectError(await reauthorize(sandbox, await mintToken(sandbox), newDetails("vt_x"), UNKNOWN_ID), 404, "resource_missing");
    const anonymous = await sandbox.handle(new Request(`http://sandbox.test/v2/customer-portal/mandates/${ADA_MANDATE_ACTIVE}/re-authorize`, post(newDetails("vt_x"))));
    await expectError(anonymous, 401, "unauthenticated");
    const noEmail = setup({ seed: adaWithoutEmail }).sandbox;
    await expectError(await reauthorize(noEmail, await mintToken(noEmail), newDetails("vt_x")), 422, "unprocessable_entity", /Direct Debit fields/);
  });

  it("replays the first answer for a repeated Idempotency-Key instead of changing twice", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const body = newDetails(await verificationToken(sandbox, token));
    const key = { "idempotency-key": "change-bank-once" };
    const first = await reauthorize(sandbox, token, body, ADA_MANDATE_ACTIVE, key);
    const again = await reauthorize(sandbox, token, body, ADA_MANDATE_ACTIVE, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    await expectError(await reauthorize(sandbox, token, { ...body, account_number: "12345678" }, ADA_MANDATE_ACTIVE, key), 409, "idempotency_key_reused");
  });
});

describe("faults on the mandate operations", () => {
  it.each([
    ["mandates.list", (sandbox: Sandbox, token: string) => list(sandbox, token)],
    ["mandates.cancel", (sandbox: Sandbox, token: string) => cancel(sandbox, token, ADA_MANDATE_ACTIVE)],
    ["mandates.send_otp", (sandbox: Sandbox, token: string) => sendCode(sandbox, token)],
    ["mandates.verify_otp", (sandbox: Sandbox, token: string) => verify(sandbox, token, "123456")],
    ["mandates.reauthorize", (sandbox: Sandbox, token: string) => reauthorize(sandbox, token, newDetails("vt_x"))],
  ])("strike %s by name, and count its calls under that name", async (operation, call) => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await control(sandbox, "POST", "/faults", { operation, status: 503, retry_after: 2 });
    const faulted = await call(sandbox, token);
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get("retry-after")).toBe("2");
    expect((await call(sandbox, token)).status).not.toBe(503);
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.by_operation[operation as keyof CallSummary["by_operation"]]).toBe(2);
    expect(calls.log.filter((entry) => entry.operation === operation).map((entry) => entry.fault)).toEqual(["status", null]);
  });

  it.each([500, 502, 503])("a %i on re-authorize strikes before any change: the mandate is as it was and the token still good", async (status) => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const body = newDetails(await verificationToken(sandbox, token));
    const before = await mandate(sandbox, token);
    await control(sandbox, "POST", "/faults", { operation: "mandates.reauthorize", status });
    expect((await reauthorize(sandbox, token, body)).status).toBe(status);
    expect(await mandate(sandbox, token)).toEqual(before);
    expect((await reauthorize(sandbox, token, body)).status).toBe(201);
  });
});

let server: Server | null = null;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** A webhook endpoint on loopback that takes everything and keeps the bodies. */
async function endpoint(): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      bodies.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
}

type MandateEvent = { type: string; data: { object: PortalMandate & { customer_id: string }; previous_attributes?: Record<string, unknown> } };

describe("mandate webhooks", () => {
  it("sends mandate.cancelled for a cancel and mandate.created for a change of bank, with four digits at most", async () => {
    const hook = await endpoint();
    const { sandbox } = setupWithWebhooks(hook.url);
    const token = await mintToken(sandbox);
    await reauthorize(sandbox, token, newDetails(await verificationToken(sandbox, token)));
    await cancel(sandbox, token, ADA_MANDATE_ACTIVE, { reason: "Closing the account" });
    await sandbox.webhooksSettled();

    const events = hook.bodies.map((body) => JSON.parse(body) as MandateEvent);
    expect(events.map((event) => event.type)).toEqual(["mandate.created", "mandate.cancelled"]);
    const [created, cancelled] = events;
    expect(created?.data.object).toMatchObject({ id: ADA_MANDATE_ACTIVE, object: "mandate", status: "pending", account_number_last4: "6819", customer_id: ADA_LOVELACE_ID });
    expect(cancelled?.data.object).toMatchObject({ id: ADA_MANDATE_ACTIVE, status: "cancelled", next_collection_date: null, customer_id: ADA_LOVELACE_ID });
    expect(cancelled?.data.previous_attributes).toEqual({ status: "pending", next_collection_date: expect.any(String) });
    expect(Object.keys(created?.data.object ?? {}).sort()).toEqual([...Object.keys(portalMandateSchema.shape), "customer_id"].sort());
    for (const body of hook.bodies) for (const secret of [ACCOUNT_NUMBER, "204793", SORT_CODE]) expect(body).not.toContain(secret);
  });
});

describe("bank details", () => {
  it("appear nowhere after a change: not in answers, the list, the call log, the webhooks or the mail", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const texts = [await (await reauthorize(sandbox, token, newDetails(await verificationToken(sandbox, token)))).text()];
    texts.push(await (await list(sandbox, token)).text());
    for (const path of ["/calls", "/webhooks", "/emails", "/customers", "/cancellations"]) texts.push(await (await control(sandbox, "GET", path)).text());
    const deliveries = await dataOf<Delivery[]>(await control(sandbox, "GET", "/webhooks"));
    expect(deliveries.map((delivery) => delivery.event_type)).toEqual(["mandate.created"]);
    for (const text of texts) for (const secret of [ACCOUNT_NUMBER, "204793", SORT_CODE, "20 47 93"]) expect(text).not.toContain(secret);
  });
});
