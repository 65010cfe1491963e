import { describe, expect, it } from "vitest";
import { ADA_LOVELACE_ID, createSeed } from "../data/seed";
import { API, control, errorOf, MERCHANT_KEY, mintToken, MINUTE_MS, portal, setup } from "../entry/test-support";

const seed = createSeed(0);
const adaSubscription = seed.subscriptions.find((record) => record.customerId === ADA_LOVELACE_ID)?.subscription.id;
const adaInvoice = seed.invoices.find((record) => record.customerId === ADA_LOVELACE_ID)?.invoice.id;

const PORTAL_PATHS = [
  ["GET", "/customer"],
  ["GET", "/subscriptions"],
  ["GET", `/subscriptions/${adaSubscription}`],
  ["POST", `/subscriptions/${adaSubscription}/cancel`],
  ["GET", "/invoices"],
  ["GET", `/invoices/${adaInvoice}`],
] as const;

async function expectUnauthenticated(response: Response, message?: RegExp): Promise<void> {
  expect(response.status).toBe(401);
  const error = await errorOf(response);
  expect(error).toMatchObject({ type: "authentication_error", code: "unauthenticated" });
  if (message) expect(error.message).toMatch(message);
}

describe("portal session tokens", () => {
  it.each(PORTAL_PATHS)("%s %s without a token is 401", async (method, path) => {
    const { sandbox } = setup();
    await expectUnauthenticated(await sandbox.handle(new Request(`${API}${path}`, { method })));
  });

  it.each(PORTAL_PATHS)("%s %s with a valid token is not refused", async (method, path) => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const response = await portal(sandbox, token, path, { method });
    expect(response.status).not.toBe(401);
  });

  it.each([
    ["a non-bearer scheme", (token: string) => `Basic ${token}`],
    ["a token without the rkcps_ prefix", (token: string) => `Bearer ${token.slice(6)}`],
    ["a truncated token", (token: string) => `Bearer ${token.slice(0, -1)}`],
    ["an empty bearer", () => "Bearer "],
  ])("refuses %s as malformed", async (_name, header) => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const response = await sandbox.handle(new Request(`${API}/customer`, { headers: { authorization: header(token) } }));
    expect(await response.clone().text()).not.toContain(token.slice(6, 30));
    await expectUnauthenticated(response, /malformed/i);
  });

  it("refuses a well-formed token the sandbox never minted", async () => {
    const { sandbox } = setup();
    const forged = `rkcps_${"A".repeat(43)}`;
    await expectUnauthenticated(await portal(sandbox, forged, "/customer"), /unknown/i);
  });

  it("accepts the bearer scheme in any case", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const response = await sandbox.handle(new Request(`${API}/customer`, { headers: { authorization: `bearer ${token}` } }));
    expect(response.status).toBe(200);
  });

  it("refuses a token once it has expired on the sandbox clock", async () => {
    const { sandbox, clock } = setup();
    const token = await mintToken(sandbox, ADA_LOVELACE_ID, 5);
    clock.advance(5 * MINUTE_MS - 1);
    expect((await portal(sandbox, token, "/customer")).status).toBe(200);
    clock.advance(1);
    await expectUnauthenticated(await portal(sandbox, token, "/customer"), /expired/i);
  });

  it("refuses a token expired by advancing the sandbox clock control", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    expect((await control(sandbox, "POST", "/clock", { advance_seconds: 3601 })).status).toBe(200);
    await expectUnauthenticated(await portal(sandbox, token, "/customer"), /expired/i);
  });

  it("refuses a revoked token", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await control(sandbox, "POST", "/tokens/revoke", { customer_id: ADA_LOVELACE_ID });
    await expectUnauthenticated(await portal(sandbox, token, "/customer"), /revoked/i);
  });

  it("refuses the merchant key on a portal call, pointing at the session token", async () => {
    const { sandbox } = setup();
    const response = await sandbox.handle(new Request(`${API}/subscriptions`, { headers: { "x-api-key": MERCHANT_KEY } }));
    expect(await response.clone().text()).not.toContain(MERCHANT_KEY);
    await expectUnauthenticated(response, /portal session token/i);
  });

  it("refuses a portal call that carries both a token and the merchant key", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await expectUnauthenticated(await portal(sandbox, token, "/customer", { headers: { "x-api-key": MERCHANT_KEY } }), /portal session token/i);
  });

  it("does not let a portal token mint sessions", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const response = await portal(sandbox, token, "/sessions", { method: "POST", body: JSON.stringify({ customer_id: ADA_LOVELACE_ID }) });
    await expectUnauthenticated(response, /x-api-key/);
  });
});
