import { describe, expect, it } from "vitest";
import { portalCustomerSchema, portalInvoiceSchema, portalSubscriptionSchema, type PortalInvoice, type PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { listSchema } from "@/lib/shared/revkeen-api/wire";
import { ADA_LOVELACE_ID, createSeed, GRACE_HOPPER_ID, KENJI_SATO_ID } from "../data/seed";
import { dataOf, errorOf, mintToken, portal, setup, START } from "../entry/test-support";

const seed = createSeed(START);
const idsOf = (customerId: string) => ({
  subscription: seed.subscriptions.find((record) => record.customerId === customerId)?.subscription.id ?? "",
  invoice: seed.invoices.find((record) => record.customerId === customerId)?.invoice.id ?? "",
});
const ada = idsOf(ADA_LOVELACE_ID);
const kenji = idsOf(KENJI_SATO_ID);

describe("the customer", () => {
  it("is the one the token was minted for, in the portal projection", async () => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox, KENJI_SATO_ID), "/customer");
    expect(response.status).toBe(200);
    const customer = portalCustomerSchema.strict().parse(await dataOf(response));
    expect(customer).toMatchObject({ id: KENJI_SATO_ID, object: "customer", name: "佐藤 健二", default_currency: "JPY", locale: "ja-JP" });
  });

  it("only answers GET", async () => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox), "/customer", { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect((await errorOf(response)).code).toBe("method_not_allowed");
  });
});

describe("lists", () => {
  it("subscriptions come as a list object of the customer's own subscriptions", async () => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox), "/subscriptions");
    expect(response.status).toBe(200);
    const list = listSchema(portalSubscriptionSchema.strict()).parse(await response.json());
    expect(list.url).toBe("/v2/customer-portal/subscriptions");
    expect(list.has_more).toBe(false);
    expect(list.data.map((item) => item.id).sort()).toEqual(
      seed.subscriptions.filter((record) => record.customerId === ADA_LOVELACE_ID).map((record) => record.subscription.id).sort(),
    );
  });

  it("invoices come as a list object with the url of the invoices path", async () => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox, KENJI_SATO_ID), "/invoices");
    const list = listSchema(portalInvoiceSchema.strict()).parse(await response.json());
    expect(list.url).toBe("/v2/customer-portal/invoices");
    expect(list.data).toHaveLength(8);
    expect(list.data.every((invoice) => invoice.currency === "JPY")).toBe(true);
  });

  it("are empty, not errors, for a customer with nothing", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox, GRACE_HOPPER_ID);
    for (const path of ["/subscriptions", "/invoices"]) {
      const response = await portal(sandbox, token, path);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ object: "list", data: [], has_more: false, url: `/v2/customer-portal${path}` });
    }
  });
});

describe("one subscription or invoice", () => {
  it("a subscription of the customer's is returned whole", async () => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox), `/subscriptions/${ada.subscription}`);
    expect(response.status).toBe(200);
    const subscription = await dataOf<PortalSubscription>(response);
    expect(portalSubscriptionSchema.strict().parse(subscription).id).toBe(ada.subscription);
    expect(subscription).toHaveProperty("billing_end_strategy", null);
  });

  it("an invoice of the customer's is returned whole", async () => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox), `/invoices/${ada.invoice}`);
    expect(response.status).toBe(200);
    expect(portalInvoiceSchema.strict().parse(await dataOf<PortalInvoice>(response)).id).toBe(ada.invoice);
  });

  it("ids are matched case-insensitively, as UUIDs are", async () => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox), `/invoices/${ada.invoice.toUpperCase()}`);
    expect(response.status).toBe(200);
  });

  it.each([
    ["/subscriptions/not-a-uuid"],
    ["/subscriptions/undefined"],
    ["/invoices/123"],
    ["/subscriptions/not-a-uuid/cancel"],
  ])("a malformed id in %s is 400 invalid_request", async (path) => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox), path, { method: path.endsWith("/cancel") ? "POST" : "GET" });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatchObject({ type: "invalid_request_error", code: "invalid_request" });
    expect(error.message).toMatch(/UUID/);
  });

  it.each(["subscriptions", "invoices"] as const)(
    "another customer's %s is 404, exactly like one that does not exist",
    async (kind) => {
      const { sandbox } = setup();
      const token = await mintToken(sandbox, ADA_LOVELACE_ID);
      const theirs = kind === "subscriptions" ? kenji.subscription : kenji.invoice;
      const foreign = await portal(sandbox, token, `/${kind}/${theirs}`);
      const missing = await portal(sandbox, token, `/${kind}/0b6f7a9e-52c1-4d3a-9b8c-7d6e5f4a3b2c`);
      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      const foreignBody = await foreign.text();
      expect(foreignBody).toBe(await missing.text());
      expect(JSON.parse(foreignBody)).toMatchObject({ error: { code: "resource_missing" } });
    },
  );

  it("cancelling another customer's subscription is 404 and leaves it alone", async () => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox, ADA_LOVELACE_ID), `/subscriptions/${kenji.subscription}/cancel`, {
      method: "POST",
      body: JSON.stringify({ cancel_at_period_end: false }),
    });
    expect(response.status).toBe(404);
    const own = await portal(sandbox, await mintToken(sandbox, KENJI_SATO_ID), `/subscriptions/${kenji.subscription}`);
    expect(await dataOf<PortalSubscription>(own)).toMatchObject({ status: "active", canceled_at: null, cancel_at: null });
  });
});
