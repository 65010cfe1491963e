import { describe, expect, it } from "vitest";
import { portalCustomerSchema, portalInvoiceSchema, portalSubscriptionSchema } from "@/lib/shared/revkeen-api/customer-portal";
import { portalMandateSchema } from "@/lib/shared/revkeen-api/mandates";
import { deterministicUuid } from "./ids";
import { ADA_LOVELACE_ID, ADA_MANDATE_ACTIVE, ADA_PRO, ADA_MANDATE_CANCELLED, createSeed, EMILIE_DU_CHATELET_ID, GRACE_HOPPER_ID, KENJI_SATO_ID, SANDBOX_MERCHANT_ID } from "./seed";
import { PRODUCT_PRO } from "./seed-products";
import { START } from "../entry/test-support";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const seed = createSeed(START);
const subscriptionsOf = (id: string) => seed.subscriptions.filter((record) => record.customerId === id).map((record) => record.subscription);
const invoicesOf = (id: string) => seed.invoices.filter((record) => record.customerId === id).map((record) => record.invoice);
const at = (iso: string | null) => Date.parse(iso ?? "");

describe("seed ids", () => {
  it("are RFC 4122 version-4 UUIDs, all different", () => {
    const ids = [
      seed.merchantId,
      ...seed.customers.map((customer) => customer.id),
      ...seed.subscriptions.map((record) => record.subscription.id),
      ...seed.invoices.map((record) => record.invoice.id),
      ...seed.mandates.map((record) => record.mandate.id),
    ];
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("do not depend on the time the seed was made, so they survive restarts", () => {
    const later = createSeed(START + 400 * 86_400_000);
    expect(later.invoices.map((record) => record.invoice.id)).toEqual(seed.invoices.map((record) => record.invoice.id));
    expect(later.subscriptions.map((record) => record.subscription.id)).toEqual(seed.subscriptions.map((record) => record.subscription.id));
    expect(later.mandates.map((record) => record.mandate.id)).toEqual(seed.mandates.map((record) => record.mandate.id));
  });

  it("keep the published demo customer ids", () => {
    expect(ADA_LOVELACE_ID).toBe("7e9551bf-ad22-48d2-9022-2bdb9eda6359");
    expect(GRACE_HOPPER_ID).toBe("ed026086-439b-4879-b94e-32ddc87ba6ea");
    expect(KENJI_SATO_ID).toBe("e1329cf0-361f-4279-ae2a-b927588dafbb");
    expect(EMILIE_DU_CHATELET_ID).toBe("b0cb3b8f-90eb-4eeb-910e-352a2c51ca17");
    expect(SANDBOX_MERCHANT_ID).toBe(seed.merchantId);
  });
});

describe("seed objects", () => {
  it("are the same for the same now", () => {
    expect(createSeed(START)).toEqual(seed);
  });

  it("match the app's portal schemas with every field present", () => {
    for (const customer of seed.customers) {
      expect(portalCustomerSchema.strict().parse(customer)).toEqual(customer);
    }
    for (const { subscription } of seed.subscriptions) {
      expect(portalSubscriptionSchema.strict().parse(subscription)).toEqual(subscription);
      expect(Object.keys(subscription).sort()).toEqual(Object.keys(portalSubscriptionSchema.shape).sort());
      expect(subscription.billing_end_strategy).toBeNull();
      expect(subscription.billing_max_cycles).toBeNull();
    }
    for (const { invoice } of seed.invoices) {
      expect(portalInvoiceSchema.strict().parse(invoice)).toEqual(invoice);
      // subscription_id is read when RevKeen sends it, but its documents do not have it: the
      // sandbox answers as documented, so the app is tested without it.
      expect(Object.keys(invoice).sort()).toEqual(Object.keys(portalInvoiceSchema.shape).filter((key) => key !== "subscription_id").sort());
    }
    for (const { mandate } of seed.mandates) {
      expect(portalMandateSchema.strict().parse(mandate)).toEqual(mandate);
      expect(Object.keys(mandate).sort()).toEqual(Object.keys(portalMandateSchema.shape).sort());
    }
  });

  it("date everything around now, nothing created in the future", () => {
    for (const { subscription } of seed.subscriptions) expect(at(subscription.created_at)).toBeLessThanOrEqual(START);
    for (const { invoice } of seed.invoices) expect(at(invoice.invoice_date)).toBeLessThanOrEqual(START);
    for (const customer of seed.customers) expect(at(customer.created_at)).toBeLessThanOrEqual(START);
  });

  it("keep every invoice's amounts consistent with its status", () => {
    for (const { invoice } of seed.invoices) {
      const { subtotal, discount_amount, tax_amount, total, amount_paid, amount_due } = invoice;
      expect(total).toBe((subtotal ?? 0) - (discount_amount ?? 0) + (tax_amount ?? 0));
      if (invoice.status === "paid") {
        expect([amount_paid, amount_due]).toEqual([total, 0]);
        expect(at(invoice.paid_at)).toBeGreaterThanOrEqual(at(invoice.invoice_date));
      } else {
        expect(amount_paid).toBe(0);
        expect(invoice.paid_at).toBeNull();
        expect(amount_due).toBe(invoice.status === "void" ? 0 : total);
      }
    }
  });
});

describe("Ada Lovelace", () => {
  const subscriptions = subscriptionsOf(ADA_LOVELACE_ID);
  const invoices = invoicesOf(ADA_LOVELACE_ID);

  it("is a British customer paying in pounds", () => {
    const ada = seed.customers.find((customer) => customer.id === ADA_LOVELACE_ID);
    expect(ada).toMatchObject({ name: "Ada Lovelace", email: "ada@example.com", locale: "en-GB", default_currency: "GBP" });
  });

  it("has subscriptions in every state", () => {
    expect(subscriptions.find((s) => s.status === "active" && s.amount_minor === 1200 && s.currency === "GBP" && s.interval === "month" && s.interval_count === 1 && s.cancel_at === null)).toBeDefined();
    const trial = subscriptions.find((s) => s.status === "trialing");
    expect(at(trial?.trial_end ?? null)).toBeGreaterThan(START);
    expect(subscriptions.some((s) => s.status === "past_due")).toBe(true);
    const canceled = subscriptions.find((s) => s.status === "canceled");
    expect(canceled?.canceled_at).not.toBeNull();
    const scheduled = subscriptions.find((s) => s.status === "active" && s.cancel_at !== null);
    expect(scheduled?.cancel_at).toBe(scheduled?.current_period_end);
    expect(subscriptions.find((s) => s.currency === "EUR")).toMatchObject({ status: "active", amount_minor: 1200, interval: "month", interval_count: 3 });
  });

  it("has more than 40 invoices, mostly paid, with every status", () => {
    expect(invoices).toHaveLength(46);
    const statuses = invoices.map((invoice) => invoice.status);
    expect(new Set(statuses)).toEqual(new Set(["paid", "open", "void", "uncollectible"]));
    expect(statuses.filter((status) => status === "paid").length).toBeGreaterThan(invoices.length / 2);
  });

  it("numbers invoices ADA-0001 to ADA-0046 from oldest to newest", () => {
    const newestFirst = [...invoices].sort((a, b) => at(b.invoice_date) - at(a.invoice_date) || (a.id < b.id ? 1 : -1));
    expect(newestFirst.map((invoice) => invoice.invoice_number)).toEqual(
      Array.from({ length: 46 }, (_, index) => `ADA-${String(46 - index).padStart(4, "0")}`),
    );
  });

  it("has an open newest invoice that is not yet due", () => {
    const newestOpen = invoices.filter((invoice) => invoice.status === "open").sort((a, b) => at(b.invoice_date) - at(a.invoice_date))[0];
    expect(at(newestOpen?.due_date ?? null)).toBeGreaterThan(START);
  });

  it("spreads invoices monthly over almost three years", () => {
    const dates = invoices.map((invoice) => at(invoice.invoice_date));
    const spanDays = (Math.max(...dates) - Math.min(...dates)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(33 * 28);
    expect(new Set(dates).size).toBeGreaterThan(30);
  });

  it("pays by Direct Debit: one active mandate collecting soon and one cancelled, the only mandates of the demo", () => {
    expect(seed.mandates.every((record) => record.customerId === ADA_LOVELACE_ID)).toBe(true);
    const byId = new Map(seed.mandates.map((record) => [record.mandate.id, record.mandate]));
    const active = byId.get(ADA_MANDATE_ACTIVE);
    expect(active).toMatchObject({ status: "active", account_holder_name: "Ada Lovelace", account_number_last4: "4321", bank_name: "Barclays", mandate_reference: "RK-ADA-0001" });
    expect(at(active?.next_collection_date ?? null)).toBeGreaterThan(START);
    expect(at(active?.created_at ?? null)).toBeLessThan(START);
    expect(byId.get(ADA_MANDATE_CANCELLED)).toMatchObject({ status: "cancelled", next_collection_date: null });
    expect(seed.mandates).toHaveLength(2);
  });
});

describe("the other demo customers", () => {
  it("Grace Hopper has no subscriptions and no invoices", () => {
    expect(seed.customers.find((customer) => customer.id === GRACE_HOPPER_ID)).toMatchObject({ name: "Grace Hopper", locale: "en-US", default_currency: "USD" });
    expect(subscriptionsOf(GRACE_HOPPER_ID)).toEqual([]);
    expect(invoicesOf(GRACE_HOPPER_ID)).toEqual([]);
  });

  it("Kenji Sato pays in yen, a zero-decimal currency", () => {
    expect(seed.customers.find((customer) => customer.id === KENJI_SATO_ID)).toMatchObject({ name: "佐藤 健二", locale: "ja-JP", default_currency: "JPY" });
    const subscriptions = subscriptionsOf(KENJI_SATO_ID);
    expect(subscriptions.map((s) => [s.status, s.amount_minor, s.interval])).toEqual(
      expect.arrayContaining([
        ["active", 980, "month"],
        ["active", 9800, "year"],
      ]),
    );
    const invoices = invoicesOf(KENJI_SATO_ID);
    expect(invoices).toHaveLength(8);
    for (const invoice of invoices) expect(invoice.currency).toBe("JPY");
    expect(invoices.some((invoice) => invoice.total === 1078)).toBe(true);
  });

  it("Émilie du Châtelet has one active yearly subscription in euros", () => {
    expect(seed.customers.find((customer) => customer.id === EMILIE_DU_CHATELET_ID)).toMatchObject({ name: "Émilie du Châtelet", locale: "fr-FR", default_currency: "EUR" });
    expect(subscriptionsOf(EMILIE_DU_CHATELET_ID)).toEqual([expect.objectContaining({ status: "active", interval: "year", currency: "EUR" })]);
    expect(invoicesOf(EMILIE_DU_CHATELET_ID).length).toBeGreaterThanOrEqual(3);
  });
});

describe("the catalogue", () => {
  const products = new Map(seed.products.map((product) => [product.id, product]));
  const nameOf = (key: string) => products.get(seed.subscriptions.find((record) => record.subscription.id === deterministicUuid(`subscription:${key}`))?.productId ?? "")?.name;

  it("names every demo plan, each priced as its product", () => {
    for (const { productId, subscription } of seed.subscriptions) {
      const product = products.get(productId);
      expect(product).toBeDefined();
      expect([subscription.amount_minor, subscription.currency, subscription.interval, subscription.interval_count]).toEqual([product?.amountMinor, product?.currency, product?.interval, product?.intervalCount]);
    }
    expect(["ada:pro", "ada:eu-archive", "ada:team-trial", "ada:backup", "ada:analytics", "ada:legacy-support"].map(nameOf)).toEqual(["Pro", "Archive", "Team", "Backup", "Analytics", "Legacy support"]);
    expect(["kenji:monthly", "kenji:yearly", "emilie:yearly"].map(nameOf)).toEqual(["スタンダード（月額）", "スタンダード（年額）", "Formule annuelle"]);
  });

  it("grants pro-reports through Pro and nothing through any other product", () => {
    expect(seed.products.filter((product) => product.benefits.length > 0).map((product) => [product.id, product.benefits])).toEqual([[PRODUCT_PRO, ["pro-reports"]]]);
    expect(seed.subscriptions.find((record) => record.subscription.id === ADA_PRO)?.productId).toBe(PRODUCT_PRO);
  });
});

describe("the cards on file", () => {
  const endOfExpiryMonth = (card: { expMonth: number; expYear: number }) => Date.UTC(card.expYear, card.expMonth, 1);

  it.each([Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 28, 23, 59), START, Date.UTC(2027, 11, 31, 23)])(
    "keep Ada's default Visa valid now and expiring before her Archive plan renews, and her Mastercard expired, at %d",
    (now) => {
      const at = createSeed(now);
      const adas = at.paymentMethods.filter((method) => method.customerId === ADA_LOVELACE_ID);
      const visa = adas.find((method) => method.isDefault);
      expect(visa?.card).toMatchObject({ brand: "visa", last4: "4242" });
      const archive = at.subscriptions.find((record) => record.subscription.id === deterministicUuid("subscription:ada:eu-archive"))?.subscription;
      expect(endOfExpiryMonth(visa?.card ?? { expMonth: 1, expYear: 1970 })).toBeGreaterThan(now);
      expect(endOfExpiryMonth(visa?.card ?? { expMonth: 1, expYear: 9999 })).toBeLessThan(Date.parse(archive?.current_period_end ?? ""));
      const mastercard = adas.find((method) => !method.isDefault);
      expect(mastercard?.card).toMatchObject({ brand: "mastercard", last4: "4444" });
      expect(endOfExpiryMonth(mastercard?.card ?? { expMonth: 12, expYear: 9999 })).toBeLessThanOrEqual(now);
    },
  );

  it("give Grace none, and Kenji and Émilie one valid default card each", () => {
    const holders = seed.paymentMethods.map((method) => [method.customerId, method.isDefault, endOfExpiryMonth(method.card) > START]);
    expect(holders).toEqual(
      expect.arrayContaining([
        [KENJI_SATO_ID, true, true],
        [EMILIE_DU_CHATELET_ID, true, true],
      ]),
    );
    expect(seed.paymentMethods.filter((method) => method.customerId === GRACE_HOPPER_ID)).toEqual([]);
    expect(seed.paymentMethods).toHaveLength(4);
  });
});
