// The demo merchant's customers, generated from a `now` so that dates always look current
// ("renews in 12 days", "trial ends next week") while ids stay the same across restarts.
import type { PortalCustomer, PortalInvoice, PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";
import { addInterval, addMonths, daysToMs, toIso } from "./calendar";
import { DUNNING_TOTAL_RETRIES } from "./dunning";
import { deterministicUuid } from "./ids";
import type { Dunning, InvoiceRecord, MandateRecord, SeedData, SubscriptionRecord } from "./records";
import { seedPaymentMethods } from "./seed-payment-methods";
import {
  PRODUCT_ANALYTICS,
  PRODUCT_ARCHIVE,
  PRODUCT_BACKUP,
  PRODUCT_FORMULE_ANNUELLE,
  PRODUCT_LEGACY_SUPPORT,
  PRODUCT_PRO,
  PRODUCT_STANDARD_MONTHLY,
  PRODUCT_STANDARD_YEARLY,
  PRODUCT_TEAM,
  seedProduct,
  seedProducts,
} from "./seed-products";

export const SANDBOX_MERCHANT_ID = deterministicUuid("merchant:portal-starter-demo");
/** The demo merchant's name, as its hosted checkout shows it: the app's default brand. */
export const SANDBOX_MERCHANT_NAME = "Acme";
/** en-GB, GBP: many subscriptions in every state and 46 invoices (pagination, all badges). */
export const ADA_LOVELACE_ID = deterministicUuid("customer:ada-lovelace");
/** Ada's "Pro" plan, £12.00 a month: active, renewing, and the one that grants pro-reports. */
export const ADA_PRO = deterministicUuid("subscription:ada:pro");
/** Ada's "Backup" plan, £25.00 a month: past due, in dunning (2 of 4 retries made, the next in 3 days). */
export const ADA_BACKUP = deterministicUuid("subscription:ada:backup");
/** Backup's failed renewal: open, £30.00 with VAT. */
export const ADA_BACKUP_INVOICE = deterministicUuid("invoice:ada:backup:failed");
/** Ada's "Analytics" plan, £15.00 a month: active, and scheduled to end with its period. */
export const ADA_ANALYTICS = deterministicUuid("subscription:ada:analytics");
/** Ada's Direct Debit at Barclays, account ending 4321: active, collecting in five days. */
export const ADA_MANDATE_ACTIVE = deterministicUuid("mandate:ada:barclays");
/** Ada's earlier Direct Debit, cancelled when she moved banks. */
export const ADA_MANDATE_CANCELLED = deterministicUuid("mandate:ada:lloyds");
/** en-US, USD: nothing at all (the empty states). */
export const GRACE_HOPPER_ID = deterministicUuid("customer:grace-hopper");
/** ja-JP, JPY: a zero-decimal currency (980 means ¥980). */
export const KENJI_SATO_ID = deterministicUuid("customer:kenji-sato");
/** fr-FR, EUR: one yearly subscription. */
export const EMILIE_DU_CHATELET_ID = deterministicUuid("customer:emilie-du-chatelet");

const HOUR_MS = 3_600_000;

interface SubscriptionSpec {
  key: string;
  /** The product the plan is of; its price is the plan's price. */
  product: string;
  status: "active" | "trialing" | "past_due" | "canceled";
  periodStart: number;
  startedAt: number;
  trialEnd?: number;
  /** Omitted: the period is one interval long. A trial's period ends with the trial. */
  periodEnd?: number;
  cancelAt?: number;
  canceledAt?: number;
  dunning?: Dunning;
}

function subscription(customerId: string, spec: SubscriptionSpec): SubscriptionRecord {
  const product = seedProduct(spec.product);
  const periodEnd = spec.periodEnd ?? addInterval(spec.periodStart, product.interval, product.intervalCount);
  const data: PortalSubscription = {
    id: deterministicUuid(`subscription:${spec.key}`),
    object: "subscription",
    status: spec.status,
    currency: product.currency,
    amount_minor: product.amountMinor,
    interval: product.interval,
    interval_count: product.intervalCount,
    billing_end_strategy: null,
    billing_max_cycles: null,
    current_period_start: toIso(spec.periodStart),
    current_period_end: periodEnd === null ? null : toIso(periodEnd),
    trial_end: spec.trialEnd === undefined ? null : toIso(spec.trialEnd),
    cancel_at: spec.cancelAt === undefined ? null : toIso(spec.cancelAt),
    canceled_at: spec.canceledAt === undefined ? null : toIso(spec.canceledAt),
    started_at: toIso(spec.startedAt),
    created_at: toIso(spec.startedAt),
  };
  return {
    customerId,
    productId: product.id,
    cancellationReason: null,
    dunning: spec.dunning ?? null,
    quantity: 1,
    metadata: {},
    updatedAt: spec.canceledAt ?? Math.max(spec.periodStart, spec.startedAt),
    subscription: data,
  };
}

interface InvoiceSpec {
  key: string;
  /** The plan it bills (the main one when it bills several). */
  subscription: string;
  status: "paid" | "open" | "void" | "uncollectible";
  currency: string;
  subtotal: number;
  discount: number;
  /** Percent of the discounted subtotal: 20 (UK/FR VAT), 10 (Japan), 0 (reverse charge). */
  taxRate: number;
  invoiceDate: number;
  dueInDays: number;
}

/** Numbers are filled in afterwards, once the customer's invoices are in list order. */
function invoice(customerId: string, spec: InvoiceSpec): InvoiceRecord {
  const taxable = spec.subtotal - spec.discount;
  const tax = Math.round((taxable * spec.taxRate) / 100);
  const total = taxable + tax;
  const paid = spec.status === "paid";
  const data: PortalInvoice = {
    id: deterministicUuid(`invoice:${spec.key}`),
    object: "invoice",
    invoice_number: null,
    status: spec.status,
    currency: spec.currency,
    subtotal: spec.subtotal,
    tax_amount: tax,
    discount_amount: spec.discount,
    total,
    amount_paid: paid ? total : 0,
    // A void invoice is no longer owed; an uncollectible one still is, on paper.
    amount_due: paid || spec.status === "void" ? 0 : total,
    invoice_date: toIso(spec.invoiceDate),
    due_date: toIso(spec.invoiceDate + daysToMs(spec.dueInDays)),
    paid_at: paid ? toIso(spec.invoiceDate + 2 * HOUR_MS) : null,
    created_at: toIso(spec.invoiceDate),
  };
  return { customerId, subscriptionId: deterministicUuid(`subscription:${spec.subscription}`), invoice: data };
}

/** Newest first by a timestamp, ties broken by id (descending) so every order is total. */
export function newestFirst<Item extends { id: string }>(items: Item[], timestamp: (item: Item) => string | null): Item[] {
  return [...items].sort((a, b) => {
    const byTime = (Date.parse(timestamp(b) ?? "") || 0) - (Date.parse(timestamp(a) ?? "") || 0);
    if (byTime !== 0) return byTime;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  });
}

function numbered(records: InvoiceRecord[], prefix: string): InvoiceRecord[] {
  const ordered = newestFirst(records.map((record) => record.invoice), (item) => item.invoice_date);
  const position = new Map(ordered.map((item, index) => [item.id, ordered.length - index]));
  for (const record of records) {
    record.invoice.invoice_number = `${prefix}-${String(position.get(record.invoice.id) ?? 0).padStart(4, "0")}`;
  }
  return records;
}

function customer(
  id: string,
  fields: Omit<PortalCustomer, "id" | "object" | "created_at">,
  createdAt: number,
): PortalCustomer {
  return { id, object: "customer", ...fields, created_at: toIso(createdAt) };
}

function adaLovelace(now: number): Pick<SeedData, "customers" | "subscriptions" | "invoices"> {
  const id = ADA_LOVELACE_ID;
  const proAnchor = now - daysToMs(10);
  const pastDueAnchor = now - daysToMs(3);
  const canceledOn = now - daysToMs(60);
  const analyticsAnchor = now - daysToMs(18);
  const analyticsEnd = addMonths(analyticsAnchor, 1);
  // Backup's renewal payment failed 18 days ago; RevKeen retries weekly: 11 and 4 days ago (both
  // failed), next in 3 days, then once more.
  const backupDunning: Dunning = { startedAt: now - daysToMs(18), retryCount: 2, totalRetries: DUNNING_TOTAL_RETRIES, nextRetryAt: now + daysToMs(3), accessRestricted: false };
  const subscriptions = [
    // "Pro", £12.00 a month, the customer's main plan.
    subscription(id, { key: "ada:pro", product: PRODUCT_PRO, status: "active", periodStart: proAnchor, startedAt: addMonths(proAnchor, -33) }),
    // A quarterly EUR plan bought the same day as Pro (equal created_at: the id breaks the tie).
    subscription(id, { key: "ada:eu-archive", product: PRODUCT_ARCHIVE, status: "active", periodStart: proAnchor, startedAt: addMonths(proAnchor, -33) }),
    subscription(id, { key: "ada:team-trial", product: PRODUCT_TEAM, status: "trialing", periodStart: now - daysToMs(5), periodEnd: now + daysToMs(9), trialEnd: now + daysToMs(9), startedAt: now - daysToMs(5) }),
    subscription(id, { key: "ada:backup", product: PRODUCT_BACKUP, status: "past_due", periodStart: pastDueAnchor, startedAt: addMonths(pastDueAnchor, -8), dunning: backupDunning }),
    subscription(id, { key: "ada:analytics", product: PRODUCT_ANALYTICS, status: "active", periodStart: analyticsAnchor, startedAt: addMonths(analyticsAnchor, -4), cancelAt: analyticsEnd }),
    subscription(id, { key: "ada:legacy-support", product: PRODUCT_LEGACY_SUPPORT, status: "canceled", periodStart: addMonths(canceledOn, -1), periodEnd: canceledOn, startedAt: addMonths(canceledOn, -6), cancelAt: canceledOn, canceledAt: canceledOn }),
  ];

  const invoices: InvoiceRecord[] = [];
  const gbpStatus = (k: number): InvoiceSpec["status"] =>
    k === 0 ? "open" : k === 5 || k === 26 ? "void" : k === 17 ? "uncollectible" : "paid";
  for (let k = 0; k <= 33; k += 1) {
    // Pro every month, Analytics for its last five months, Legacy support until it ended.
    const subtotal = 1200 + (k <= 4 ? 1500 : 0) + (k >= 2 && k <= 8 ? 800 : 0);
    const discount = k >= 20 && k <= 22 ? Math.round(subtotal / 10) : 0;
    invoices.push(invoice(id, { key: `ada:gbp:${k}`, subscription: "ada:pro", status: gbpStatus(k), currency: "GBP", subtotal, discount, taxRate: 20, invoiceDate: addMonths(proAnchor, -k), dueInDays: 30 }));
  }
  for (let k = 0; k <= 30; k += 3) {
    // EU reverse charge: no VAT on the EUR plan.
    invoices.push(invoice(id, { key: `ada:eur:${k}`, subscription: "ada:eu-archive", status: k === 12 ? "uncollectible" : "paid", currency: "EUR", subtotal: 1200, discount: 0, taxRate: 0, invoiceDate: addMonths(proAnchor, -k), dueInDays: 14 }));
  }
  // The failed renewal that put Backup past due: open and overdue.
  invoices.push(invoice(id, { key: "ada:backup:failed", subscription: "ada:backup", status: "open", currency: "GBP", subtotal: 2500, discount: 0, taxRate: 20, invoiceDate: addMonths(pastDueAnchor, -1), dueInDays: 14 }));

  const ada = customer(id, { email: "ada@example.com", name: "Ada Lovelace", phone: "+44 20 7946 0958", company_name: "Analytical Engines Ltd", default_currency: "GBP", locale: "en-GB" }, addMonths(proAnchor, -34));
  return { customers: [ada], subscriptions, invoices: numbered(invoices, "ADA") };
}

/** Ada's Direct Debit mandates; nobody else has any. */
function adaMandates(now: number): MandateRecord[] {
  const mandate = (key: string, fields: Omit<PortalMandate, "id" | "object" | "account_holder_name">): MandateRecord => ({
    customerId: ADA_LOVELACE_ID,
    cancellationReason: null,
    lodgedAt: null,
    mandate: { id: deterministicUuid(`mandate:ada:${key}`), object: "mandate", account_holder_name: "Ada Lovelace", ...fields },
  });
  const switchedOn = addMonths(now, -14);
  return [
    mandate("barclays", {
      status: "active",
      account_number_last4: "4321",
      bank_name: "Barclays",
      mandate_reference: "RK-ADA-0001",
      // A collection date is a day, not an instant.
      next_collection_date: toIso(now + daysToMs(5)).slice(0, 10),
      created_at: toIso(switchedOn),
    }),
    mandate("lloyds", {
      status: "cancelled",
      account_number_last4: "7788",
      bank_name: "Lloyds Bank",
      mandate_reference: "RK-ADA-0000",
      next_collection_date: null,
      created_at: toIso(addMonths(now, -36)),
    }),
  ];
}

function graceHopper(now: number): Pick<SeedData, "customers" | "subscriptions" | "invoices"> {
  const grace = customer(GRACE_HOPPER_ID, { email: "grace@example.com", name: "Grace Hopper", phone: null, company_name: null, default_currency: "USD", locale: "en-US" }, now - daysToMs(2));
  return { customers: [grace], subscriptions: [], invoices: [] };
}

function kenjiSato(now: number): Pick<SeedData, "customers" | "subscriptions" | "invoices"> {
  const id = KENJI_SATO_ID;
  const monthlyAnchor = now - daysToMs(7);
  const yearlyAnchor = now - daysToMs(40);
  const subscriptions = [
    subscription(id, { key: "kenji:monthly", product: PRODUCT_STANDARD_MONTHLY, status: "active", periodStart: monthlyAnchor, startedAt: addMonths(monthlyAnchor, -6) }),
    subscription(id, { key: "kenji:yearly", product: PRODUCT_STANDARD_YEARLY, status: "active", periodStart: yearlyAnchor, startedAt: addMonths(yearlyAnchor, -12) }),
  ];
  const invoices: InvoiceRecord[] = [];
  for (let k = 0; k <= 6; k += 1) {
    // 10% consumption tax; yen have no minor unit, so 980 is ¥980.
    invoices.push(invoice(id, { key: `kenji:monthly:${k}`, subscription: "kenji:monthly", status: k === 3 ? "void" : "paid", currency: "JPY", subtotal: 980, discount: 0, taxRate: 10, invoiceDate: addMonths(monthlyAnchor, -k), dueInDays: 7 }));
  }
  invoices.push(invoice(id, { key: "kenji:yearly:0", subscription: "kenji:yearly", status: "paid", currency: "JPY", subtotal: 9800, discount: 0, taxRate: 10, invoiceDate: yearlyAnchor, dueInDays: 7 }));
  const kenji = customer(id, { email: "kenji@example.com", name: "佐藤 健二", phone: "+81 3-1234-5678", company_name: "株式会社サトウ製作所", default_currency: "JPY", locale: "ja-JP" }, addMonths(monthlyAnchor, -6) - daysToMs(1));
  return { customers: [kenji], subscriptions, invoices: numbered(invoices, "KEN") };
}

function emilieDuChatelet(now: number): Pick<SeedData, "customers" | "subscriptions" | "invoices"> {
  const id = EMILIE_DU_CHATELET_ID;
  const anchor = now - daysToMs(50);
  const subscriptions = [
    subscription(id, { key: "emilie:yearly", product: PRODUCT_FORMULE_ANNUELLE, status: "active", periodStart: anchor, startedAt: addMonths(anchor, -24) }),
  ];
  const invoices = [0, 1, 2].map((k) =>
    // The first year came with a 10% welcome discount.
    invoice(id, { key: `emilie:yearly:${k}`, subscription: "emilie:yearly", status: "paid", currency: "EUR", subtotal: 9900, discount: k === 2 ? 990 : 0, taxRate: 20, invoiceDate: addMonths(anchor, -12 * k), dueInDays: 30 }),
  );
  const emilie = customer(id, { email: "emilie@example.com", name: "Émilie du Châtelet", phone: "+33 1 23 45 67 89", company_name: null, default_currency: "EUR", locale: "fr-FR" }, addMonths(anchor, -24) - daysToMs(3));
  return { customers: [emilie], subscriptions, invoices: numbered(invoices, "EMI") };
}

/** The whole demo merchant as of `now` (ms since the epoch). */
export function createSeed(now: number): SeedData {
  const parts = [adaLovelace(now), graceHopper(now), kenjiSato(now), emilieDuChatelet(now)];
  return {
    merchantId: SANDBOX_MERCHANT_ID,
    customers: parts.flatMap((part) => part.customers),
    subscriptions: parts.flatMap((part) => part.subscriptions),
    invoices: parts.flatMap((part) => part.invoices),
    mandates: adaMandates(now),
    products: seedProducts(now),
    paymentMethods: seedPaymentMethods(now, { ada: ADA_LOVELACE_ID, kenji: KENJI_SATO_ID, emilie: EMILIE_DU_CHATELET_ID }),
  };
}
