import { describe, expect, it } from "vitest";
import { ADA_LOVELACE_ID, SANDBOX_MERCHANT_ID } from "../data/seed";
import { control, dataOf, errorOf, MERCHANT_KEY, mintToken, ORIGIN, portal, setup } from "../entry/test-support";

const CUSTOMERS = `${ORIGIN}/v2/customers`;

function create(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(CUSTOMERS, {
    method: "POST",
    headers: { "x-api-key": MERCHANT_KEY, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

type MerchantCustomer = { id: string; merchant_id: string; email: string; name: string | null; company_name: string | null; metadata: Record<string, unknown> };

describe("POST /v2/customers", () => {
  it("creates a customer from camelCase fields and answers it in snake_case", async () => {
    const { sandbox } = setup();
    const response = await sandbox.handle(create({ email: "new@example.com", name: "New Person", companyName: "New Ltd", metadata: { app_user_id: "github:1" } }));
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
    const customer = await dataOf<MerchantCustomer>(response);
    expect(customer).toMatchObject({ merchant_id: SANDBOX_MERCHANT_ID, email: "new@example.com", name: "New Person", company_name: "New Ltd", metadata: { app_user_id: "github:1" } });
    expect(customer).not.toHaveProperty("companyName");
  });

  it("makes a customer the portal can open: a session, their details, and nothing billed yet", async () => {
    const { sandbox } = setup();
    const customer = await dataOf<MerchantCustomer>(await sandbox.handle(create({ email: "new@example.com", name: "New Person" })));
    const token = await mintToken(sandbox, customer.id);
    expect(await dataOf(await portal(sandbox, token, "/customer"))).toMatchObject({ id: customer.id, email: "new@example.com", name: "New Person" });
    expect(await (await portal(sandbox, token, "/subscriptions")).json()).toMatchObject({ data: [], has_more: false });
  });

  it("refuses a second customer with the same e-mail, whatever its case", async () => {
    const { sandbox } = setup();
    expect((await sandbox.handle(create({ email: "twice@example.com" }))).status).toBe(201);
    const again = await sandbox.handle(create({ email: "Twice@Example.com" }));
    expect(again.status).toBe(400);
    expect(await errorOf(again)).toMatchObject({ code: "invalid_request", message: "A customer with this email already exists for this merchant." });
    expect((await sandbox.handle(create({ email: "ada@example.com" }))).status).toBe(400);
  });

  it("creates one customer for a repeated Idempotency-Key and replays the first answer", async () => {
    const { sandbox } = setup();
    const key = { "idempotency-key": "create-once" };
    const first = await sandbox.handle(create({ email: "once@example.com" }, key));
    const second = await sandbox.handle(create({ email: "once@example.com" }, key));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect((await dataOf<MerchantCustomer>(second)).id).toBe((await dataOf<MerchantCustomer>(first)).id);
    const created = (await dataOf<{ demo: boolean }[]>(await control(sandbox, "GET", "/customers"))).filter((customer) => !customer.demo);
    expect(created).toHaveLength(1);
  });

  it("refuses what is not a customer: no e-mail, a bad one, a wrong type, no merchant key", async () => {
    const { sandbox } = setup();
    expect(await errorOf(await sandbox.handle(create({ name: "Nobody" })))).toMatchObject({ code: "invalid_request", message: expect.stringContaining("email") });
    expect((await sandbox.handle(create({ email: "not an address" }))).status).toBe(400);
    expect((await sandbox.handle(create({ email: "x@example.com", metadata: "no" }))).status).toBe(400);
    const anonymous = await sandbox.handle(new Request(CUSTOMERS, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(anonymous.status).toBe(401);
  });
});

describe("GET /v2/customers/{id}", () => {
  it("answers a customer, demo or created, to the merchant key only", async () => {
    const { sandbox } = setup();
    const get = (id: string, headers: Record<string, string> = { "x-api-key": MERCHANT_KEY }) => sandbox.handle(new Request(`${CUSTOMERS}/${id}`, { headers }));
    expect(await dataOf(await get(ADA_LOVELACE_ID))).toMatchObject({ id: ADA_LOVELACE_ID, email: "ada@example.com", metadata: {} });
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(400);
    expect((await get(ADA_LOVELACE_ID, {})).status).toBe(401);
  });
});

describe("GET /__sandbox/customers", () => {
  it("lists created customers beside the demo ones, with their metadata", async () => {
    const { sandbox } = setup();
    await sandbox.handle(create({ email: "listed@example.com", metadata: { app_user_id: "github:7" } }));
    const listed = await dataOf<{ email: string; demo: boolean; metadata: Record<string, unknown> }[]>(await control(sandbox, "GET", "/customers"));
    expect(listed.filter((customer) => customer.demo)).toHaveLength(4);
    expect(listed.find((customer) => !customer.demo)).toMatchObject({ email: "listed@example.com", metadata: { app_user_id: "github:7" } });
  });
});
