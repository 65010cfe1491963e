import { describe, expect, it } from "vitest";
import type { CallSummary } from "../controls/call-log";
import { ADA_ANALYTICS, ADA_BACKUP, ADA_LOVELACE_ID, ADA_PRO, createSeed, GRACE_HOPPER_ID, KENJI_SATO_ID, SANDBOX_MERCHANT_ID } from "../data/seed";
import { PRODUCT_BACKUP, PRODUCT_PRO } from "../data/seed-products";
import { control, DAY_MS, dataOf, errorOf, merchant, mintToken, portal, setup, START } from "../entry/test-support";

type Subscription = {
  id: string;
  customer_id: string;
  product_id: string;
  status: string;
  cancel_at_period_end: boolean;
  created_at: string;
  dunning: Record<string, unknown> | null;
};
type SubscriptionList = { data: Subscription[]; pagination: { page: number; limit: number; total: number; totalPages: number } };

const iso = (ms: number) => new Date(ms).toISOString();
const list = async (sandbox: Parameters<typeof merchant>[0], query: string) => (await (await merchant(sandbox, "GET", `/subscriptions?${query}`)).json()) as SubscriptionList;

describe("GET /v2/subscriptions/{id}", () => {
  it("answers Ada's past-due Backup plan with its product and where its dunning stands", async () => {
    const { sandbox } = setup();
    const seeded = createSeed(START).subscriptions.find((record) => record.subscription.id === ADA_BACKUP)?.subscription;
    const response = await merchant(sandbox, "GET", `/subscriptions/${ADA_BACKUP}`);
    expect(response.status).toBe(200);
    expect(await dataOf(response)).toEqual({
      id: ADA_BACKUP,
      merchant_id: SANDBOX_MERCHANT_ID,
      customer_id: ADA_LOVELACE_ID,
      product_id: PRODUCT_BACKUP,
      price_id: null,
      plan_id: null,
      status: "past_due",
      quantity: 1,
      amount_minor: 2500,
      currency: "GBP",
      billing_interval: "month",
      interval_count: 1,
      current_period_start: seeded?.current_period_start,
      current_period_end: seeded?.current_period_end,
      trial_end: null,
      canceled_at: null,
      cancel_at_period_end: false,
      metadata: {},
      created_at: seeded?.created_at,
      updated_at: seeded?.current_period_start,
      dunning: {
        is_in_dunning: true,
        phase: 1,
        phase_label: "Retrying payment",
        phase_severity: "info",
        retry_count: 2,
        total_possible_retries: 4,
        next_retry_at: iso(START + 3 * DAY_MS),
        days_in_dunning: 18,
        access_restricted: false,
      },
    });
  });

  it("answers dunning null for a plan whose payments are in order, and the end of a scheduled cancel as cancel_at_period_end", async () => {
    const { sandbox } = setup();
    expect(await dataOf(await merchant(sandbox, "GET", `/subscriptions/${ADA_PRO}`))).toMatchObject({ product_id: PRODUCT_PRO, status: "active", dunning: null, cancel_at_period_end: false });
    expect(await dataOf(await merchant(sandbox, "GET", `/subscriptions/${ADA_ANALYTICS}`))).toMatchObject({ status: "active", cancel_at_period_end: true });
  });

  it("answers 404 for an unknown id, 400 for a malformed one, and 401 to a portal token", async () => {
    const { sandbox } = setup();
    expect(await errorOf(await merchant(sandbox, "GET", "/subscriptions/00000000-0000-4000-8000-000000000000"))).toEqual({
      type: "invalid_request_error",
      code: "resource_missing",
      message: "No such subscription.",
    });
    expect((await merchant(sandbox, "GET", "/subscriptions/backup")).status).toBe(400);
    const token = await mintToken(sandbox);
    const withToken = await sandbox.handle(new Request(`http://sandbox.test/v2/subscriptions/${ADA_PRO}`, { headers: { authorization: `Bearer ${token}` } }));
    expect(withToken.status).toBe(401);
  });
});

describe("GET /v2/subscriptions", () => {
  it("lists a customer's subscriptions newest first, with page paging", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const portalOrder = ((await (await portal(sandbox, token, "/subscriptions")).json()) as { data: { id: string }[] }).data.map((item) => item.id);
    const all = await list(sandbox, `customerId=${ADA_LOVELACE_ID}`);
    expect(all.data.map((item) => item.id)).toEqual(portalOrder);
    expect(all.data.every((item) => item.customer_id === ADA_LOVELACE_ID && item.product_id !== "")).toBe(true);
    expect(all.pagination).toEqual({ page: 1, limit: 20, total: 6, totalPages: 1 });
    const second = await list(sandbox, `customerId=${ADA_LOVELACE_ID}&page=2&limit=4`);
    expect(second.data.map((item) => item.id)).toEqual(portalOrder.slice(4));
    expect(second.pagination).toEqual({ page: 2, limit: 4, total: 6, totalPages: 2 });
  });

  it("filters by status, and answers every customer's subscriptions without a customer", async () => {
    const { sandbox } = setup();
    expect((await list(sandbox, `customerId=${ADA_LOVELACE_ID}&status=past_due`)).data.map((item) => item.id)).toEqual([ADA_BACKUP]);
    expect((await list(sandbox, `customerId=${KENJI_SATO_ID}&status=canceled`)).data).toEqual([]);
    expect((await list(sandbox, "")).pagination.total).toBe(createSeed(START).subscriptions.length);
  });

  it("answers an empty list for a customer with none, or one it does not know", async () => {
    const { sandbox } = setup();
    expect(await list(sandbox, `customerId=${GRACE_HOPPER_ID}`)).toEqual({ data: [], pagination: { page: 1, limit: 20, total: 0, totalPages: 0 } });
    expect((await list(sandbox, "customerId=00000000-0000-4000-8000-000000000000")).data).toEqual([]);
  });

  it.each(["customerId=ada", "status=overdue", "page=0", "limit=500"])("refuses %s with a 400", async (query) => {
    const { sandbox } = setup();
    const response = await merchant(sandbox, "GET", `/subscriptions?${query}`);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(new RegExp(`^Invalid ${query.split("=")[0]}: `));
  });

  it("is counted apart from the portal's list, and obeys faults", async () => {
    const { sandbox } = setup();
    await control(sandbox, "POST", "/faults", { operation: ["merchant_subscriptions.list", "merchant_subscriptions.get"], status: 500, count: 2 });
    expect((await merchant(sandbox, "GET", "/subscriptions")).status).toBe(500);
    expect((await merchant(sandbox, "GET", `/subscriptions/${ADA_PRO}`)).status).toBe(500);
    expect((await merchant(sandbox, "GET", `/subscriptions/${ADA_PRO}`)).status).toBe(200);
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect([calls.by_operation["merchant_subscriptions.list"], calls.by_operation["merchant_subscriptions.get"], calls.by_operation["subscriptions.list"]]).toEqual([1, 2, 0]);
  });
});

describe("the merchant's subscription routes", () => {
  it.each([
    ["DELETE", `/subscriptions/${ADA_PRO}`, "GET, PATCH"],
    ["PUT", "/subscriptions", "GET, POST"],
    ["POST", `/products/${PRODUCT_PRO}`, "GET"],
    ["POST", `/customers/${ADA_LOVELACE_ID}/payment-methods`, "GET"],
  ])("answer %s %s with 405 and Allow: %s", async (method, path, allow) => {
    const { sandbox } = setup();
    const response = await merchant(sandbox, method, path);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
  });
});
