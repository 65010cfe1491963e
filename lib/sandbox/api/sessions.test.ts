import { describe, expect, it } from "vitest";
import { createSandbox } from "../entry/sandbox";
import { ADA_LOVELACE_ID, GRACE_HOPPER_ID, SANDBOX_MERCHANT_ID } from "../data/seed";
import { API, dataOf, errorOf, MERCHANT_KEY, mintRequest, MINUTE_MS, ORIGIN, portal, setup, START } from "../entry/test-support";

const TOKEN = /^rkcps_[A-Za-z0-9_-]{43}$/;

describe("the merchant key", () => {
  it("is required on POST /sessions", async () => {
    const { sandbox } = setup();
    const response = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "x-api-key": "" }));
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ type: "authentication_error", code: "unauthenticated" });
  });

  it("must be the sandbox's key, and a wrong key is not echoed", async () => {
    const { sandbox } = setup();
    const response = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "x-api-key": "rk_sandbox_someone_else" }));
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).toContain('"code":"unauthenticated"');
    expect(text).not.toContain("rk_sandbox_someone_else");
  });

  it("refuses a live key with a message saying live keys do not work here", async () => {
    const { sandbox } = setup();
    const response = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "x-api-key": "rk_live_abc123" }));
    expect(response.status).toBe(401);
    const error = await errorOf(response);
    expect(error.code).toBe("unauthenticated");
    expect(error.message).toMatch(/live keys/i);
    expect(error.message).toContain("rk_sandbox_");
    expect(error.message).not.toContain("rk_live_abc123");
  });

  it("can be chosen with the apiKey option", async () => {
    const sandbox = createSandbox({ apiKey: "rk_sandbox_custom_key", clock: () => START });
    expect((await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }))).status).toBe(401);
    const ok = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }, { "x-api-key": "rk_sandbox_custom_key" }));
    expect(ok.status).toBe(201);
    expect(await ok.text()).not.toContain("rk_sandbox_custom_key");
  });

  it("is the default sandbox key from lib/env/schema.mjs when no option is given", async () => {
    expect(MERCHANT_KEY).toBe("rk_sandbox_portal_starter_demo");
    const { sandbox } = setup();
    expect((await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }))).status).toBe(201);
  });
});

describe("minting a portal session", () => {
  it("answers 201 with a session whose token opens the customer's portal", async () => {
    const { sandbox } = setup();
    const response = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }));
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const session = await dataOf<Record<string, string>>(response);
    const token = new URL(session.url ?? "").searchParams.get("token") ?? "";
    expect(token).toMatch(TOKEN);
    const customer = await portal(sandbox, token, "/customer");
    expect(customer.status).toBe(200);
    expect(await dataOf<{ id: string }>(customer)).toMatchObject({ id: ADA_LOVELACE_ID });
  });

  it("gives every session a different token", async () => {
    const { sandbox } = setup();
    const urls = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      urls.add((await dataOf<{ url: string }>(await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID })))).url);
    }
    expect(urls.size).toBe(5);
  });

  it("expires after 60 minutes by default", async () => {
    const { sandbox } = setup();
    const session = await dataOf<{ expiresAt: string; createdAt: string }>(await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID })));
    expect(Date.parse(session.createdAt)).toBe(START);
    expect(Date.parse(session.expiresAt)).toBe(START + 60 * MINUTE_MS);
  });

  it("honours ttl_minutes from 5 to 240", async () => {
    const { sandbox } = setup();
    for (const ttl of [5, 240]) {
      const session = await dataOf<{ expiresAt: string }>(await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID, ttl_minutes: ttl })));
      expect(Date.parse(session.expiresAt)).toBe(START + ttl * MINUTE_MS);
    }
  });

  it.each([4, 241, 30.5, "60", null, -1])("rejects ttl_minutes %j with 400", async (ttl) => {
    const { sandbox } = setup();
    const response = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID, ttl_minutes: ttl }));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatchObject({ type: "invalid_request_error", code: "invalid_request" });
    expect(error.message).toContain("ttl_minutes");
  });

  it.each([["not-a-uuid"], [12345], [""], [undefined]])("rejects customer_id %j with 400", async (customerId) => {
    const { sandbox } = setup();
    const response = await sandbox.handle(mintRequest({ customer_id: customerId }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain("customer_id");
  });

  it("answers 404 resource_missing for a well-formed id that is not a customer", async () => {
    const { sandbox } = setup();
    const response = await sandbox.handle(mintRequest({ customer_id: "3f1e7a0c-1d2b-4c5d-8e9f-0a1b2c3d4e5f" }));
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ type: "invalid_request_error", code: "resource_missing" });
  });

  it.each([["{not json"], [""], ["[]"], ["null"]])("answers 400 for the body %j", async (body) => {
    const { sandbox } = setup();
    const response = await sandbox.handle(mintRequest(body));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("invalid_request");
  });

  it("works for a customer with nothing (Grace Hopper)", async () => {
    const { sandbox } = setup();
    expect((await sandbox.handle(mintRequest({ customer_id: GRACE_HOPPER_ID }))).status).toBe(201);
  });
});

describe("session response shapes", () => {
  async function mintWith(shape: "reference" | "sdk" | "token" | "tokenless") {
    const { sandbox } = setup({ sessionShape: shape });
    const response = await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }));
    expect(response.status).toBe(201);
    return { sandbox, text: await response.clone().text(), session: await dataOf<Record<string, string>>(response) };
  }

  it("reference (default): camelCase, token only as the url's token query parameter", async () => {
    const { session, text } = await mintWith("reference");
    expect(Object.keys(session).sort()).toEqual(["createdAt", "customerId", "expiresAt", "id", "merchantId", "url"]);
    expect(session).toMatchObject({ customerId: ADA_LOVELACE_ID, merchantId: SANDBOX_MERCHANT_ID });
    const url = new URL(session.url ?? "");
    expect(`${url.origin}${url.pathname}`).toBe(`${ORIGIN}/portal/session`);
    const token = url.searchParams.get("token") ?? "";
    expect(token).toMatch(TOKEN);
    expect(text.split(token)).toHaveLength(2);
  });

  it("reference is what a sandbox created without options answers", async () => {
    const sandbox = createSandbox({ clock: () => START });
    const session = await dataOf<Record<string, string>>(await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID })));
    expect(session.customerId).toBe(ADA_LOVELACE_ID);
    expect(session.url).toContain("?token=rkcps_");
  });

  it("sdk: snake_case, token as a path segment of the url", async () => {
    const { sandbox, session } = await mintWith("sdk");
    expect(Object.keys(session).sort()).toEqual(["created_at", "customer_id", "expires_at", "id", "merchant_id", "url"]);
    expect(session.customer_id).toBe(ADA_LOVELACE_ID);
    const match = /^http:\/\/sandbox\.test\/portal\/s\/(rkcps_[A-Za-z0-9_-]{43})$/.exec(session.url ?? "");
    expect(match).not.toBeNull();
    expect((await portal(sandbox, match?.[1] ?? "", "/customer")).status).toBe(200);
  });

  it("token: camelCase plus a token field, and a url without the token", async () => {
    const { sandbox, session } = await mintWith("token");
    expect(session.token).toMatch(TOKEN);
    expect(session.url).toBe(`${ORIGIN}/portal/session`);
    expect(session.customerId).toBe(ADA_LOVELACE_ID);
    expect((await portal(sandbox, session.token ?? "", "/customer")).status).toBe(200);
  });

  it("tokenless: camelCase with no token anywhere", async () => {
    const { session, text } = await mintWith("tokenless");
    expect(text).not.toContain("rkcps_");
    expect(session.token).toBeUndefined();
    expect(session.url).toBe(`${ORIGIN}/portal/session`);
  });

  it("links point at the origin the request came to", async () => {
    const { sandbox } = setup();
    const response = await sandbox.handle(
      new Request("https://portal.example.org:8443/v2/customer-portal/sessions", {
        method: "POST",
        headers: { "x-api-key": MERCHANT_KEY },
        body: JSON.stringify({ customer_id: ADA_LOVELACE_ID }),
      }),
    );
    expect((await dataOf<{ url: string }>(response)).url).toMatch(/^https:\/\/portal\.example\.org:8443\/portal\/session\?token=rkcps_/);
  });

  it("mint is at /v2/customer-portal/sessions and only takes POST", async () => {
    const { sandbox } = setup();
    const response = await sandbox.handle(new Request(`${API}/sessions`, { headers: { "x-api-key": MERCHANT_KEY } }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});
