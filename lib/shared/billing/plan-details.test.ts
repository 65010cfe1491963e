import { describe, expect, it } from "vitest";
import type { MerchantSubscription } from "@/lib/shared/revkeen-api/merchant-subscriptions";
import { anyInDunning, dunningSummary, joinPlanDetails, withOpenInvoices } from "./plan-details";

const ada = "0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d";
const kenji = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
const ids = { pro: "11111111-1111-4111-8111-111111111111", backup: "22222222-2222-4222-8222-222222222222", kenjis: "33333333-3333-4333-8333-333333333333" };
const products = { pro: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", backup: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", kenjis: "cccccccc-cccc-4ccc-8ccc-cccccccccccc" };
const dunning = { is_in_dunning: true, retry_count: 2, total_possible_retries: 4, next_retry_at: "2026-12-09T00:00:00Z", access_restricted: false };

const merchant: MerchantSubscription[] = [
  { id: ids.pro, customer_id: ada, product_id: products.pro, status: "active", dunning: null },
  { id: ids.backup, customer_id: ada, product_id: products.backup, status: "past_due", dunning },
  { id: ids.kenjis, customer_id: kenji, product_id: products.kenjis, status: "active" },
];
const productNames = new Map([
  [products.pro, "Pro"],
  [products.backup, "Backup"],
  [products.kenjis, "スタンダード"],
]);

describe("joining the merchant's view of a plan to the portal's", () => {
  it("names the plans the customer's portal token returned, and summarises dunning", () => {
    expect(joinPlanDetails({ customerId: ada, portalIds: [ids.pro, ids.backup], merchant, productNames })).toEqual({
      [ids.pro]: { name: "Pro", dunning: null, openInvoiceId: null },
      [ids.backup]: { name: "Backup", dunning: { retriesMade: 2, retriesLeft: 2, nextRetryAt: "2026-12-09T00:00:00Z", accessRestricted: false }, openInvoiceId: null },
    });
  });

  it("never names a subscription the portal did not return, nor one of another customer", () => {
    expect(joinPlanDetails({ customerId: ada, portalIds: [ids.pro], merchant, productNames })).not.toHaveProperty(ids.backup);
    // Kenji's subscription id shown by Ada's portal (it would not be) still gets nothing from his record.
    expect(joinPlanDetails({ customerId: ada, portalIds: [ids.kenjis], merchant, productNames })).toEqual({});
  });

  it("leaves the name out when the product is unknown, missing or blank", () => {
    const details = joinPlanDetails({ customerId: ada, portalIds: [ids.pro, ids.backup], merchant, productNames: new Map([[products.backup, "  "]]) });
    expect(details[ids.pro]?.name).toBeNull();
    expect(details[ids.backup]?.name).toBeNull();
    const noProduct = joinPlanDetails({ customerId: ada, portalIds: [ids.pro], merchant: [{ ...merchant[0]!, product_id: null }], productNames });
    expect(noProduct[ids.pro]?.name).toBeNull();
  });
});

describe("the dunning summary", () => {
  it("is there only while the subscription is in dunning", () => {
    expect(dunningSummary(null)).toBeNull();
    expect(dunningSummary({ ...dunning, is_in_dunning: false })).toBeNull();
  });

  it("does not invent counts RevKeen left out, and never counts below zero", () => {
    expect(dunningSummary({ is_in_dunning: true })).toEqual({ retriesMade: null, retriesLeft: null, nextRetryAt: null, accessRestricted: false });
    expect(dunningSummary({ ...dunning, retry_count: 5 })?.retriesLeft).toBe(0);
  });
});

describe("the invoice to pay", () => {
  const details = joinPlanDetails({ customerId: ada, portalIds: [ids.pro, ids.backup], merchant, productNames });
  const plans = [
    { id: ids.pro, currency: "GBP", amount_minor: 1200 },
    { id: ids.backup, currency: "GBP", amount_minor: 2500 },
  ];
  const invoice = (id: string, fields: { status?: string; subtotal?: number; currency?: string; subscription_id?: string | null } = {}) => ({ id, status: "open", currency: "GBP", subtotal: 2500, ...fields });
  const backupsInvoice = invoice("44444444-4444-4444-8444-444444444444");
  const otherOpen = invoice("55555555-5555-4555-8555-555555555555", { subtotal: 2700 });

  it("is, for a plan in dunning only, the open invoice whose subtotal is the plan's price", () => {
    const withInvoice = withOpenInvoices(details, plans, [invoice("66666666-6666-4666-8666-666666666666", { status: "paid" }), otherOpen, backupsInvoice]);
    expect(withInvoice[ids.backup]?.openInvoiceId).toBe(backupsInvoice.id);
    expect(withInvoice[ids.pro]?.openInvoiceId).toBeNull();
    expect(anyInDunning(withInvoice)).toBe(true);
  });

  it("follows the invoice's own subscription where RevKeen names it", () => {
    const named = invoice("77777777-7777-4777-8777-777777777777", { subtotal: 9999, subscription_id: ids.backup });
    expect(withOpenInvoices(details, plans, [{ ...backupsInvoice, subscription_id: ids.pro }, named])[ids.backup]?.openInvoiceId).toBe(named.id);
  });

  it("is the only open invoice when none has the plan's price", () => {
    expect(withOpenInvoices(details, plans, [otherOpen])[ids.backup]?.openInvoiceId).toBe(otherOpen.id);
  });

  it("is left unknown when it cannot be told apart", () => {
    expect(withOpenInvoices(details, plans, [backupsInvoice, { ...backupsInvoice, id: "88888888-8888-4888-8888-888888888888" }])[ids.backup]?.openInvoiceId).toBeNull();
    expect(withOpenInvoices(details, plans, [otherOpen, { ...otherOpen, id: "99999999-9999-4999-8999-999999999999" }])[ids.backup]?.openInvoiceId).toBeNull();
    expect(withOpenInvoices(details, plans, [])[ids.backup]?.openInvoiceId).toBeNull();
  });
});
