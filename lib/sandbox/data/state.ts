// The merchant's data as the sandbox currently has it: a deep copy of the seed that
// cancels and the clock then change (time-passes.ts). Reads go through here so ownership is checked in
// one place: another customer's object is simply not found.
import type { PortalCustomer, PortalInvoice, PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";
import type { CustomerDetails, InvoiceRecord, MandateRecord, PaymentMethodRecord, ProductRecord, SeedData, SubscriptionRecord } from "./records";
import { newestFirst } from "./seed";

export interface SandboxState {
  merchantId: string;
  customers: Map<string, PortalCustomer>;
  customerDetails: Map<string, CustomerDetails>;
  subscriptions: Map<string, SubscriptionRecord>;
  invoices: Map<string, InvoiceRecord>;
  mandates: Map<string, MandateRecord>;
  products: Map<string, ProductRecord>;
  paymentMethods: Map<string, PaymentMethodRecord>;
}

export function createState(seed: SeedData): SandboxState {
  const copy = structuredClone(seed);
  return {
    merchantId: copy.merchantId,
    customers: new Map(copy.customers.map((customer) => [customer.id, customer])),
    customerDetails: new Map(copy.customers.map((customer) => [customer.id, demoDetails(customer.created_at)])),
    subscriptions: new Map(copy.subscriptions.map((record) => [record.subscription.id, record])),
    invoices: new Map(copy.invoices.map((record) => [record.invoice.id, record])),
    mandates: new Map(copy.mandates.map((record) => [record.mandate.id, record])),
    products: new Map(copy.products.map((record) => [record.id, record])),
    paymentMethods: new Map(copy.paymentMethods.map((record) => [record.id, record])),
  };
}

function demoDetails(createdAt: string): CustomerDetails {
  const address = { line1: null, line2: null, city: null, state: null, postalCode: null, country: null };
  return { demo: true, metadata: {}, customFields: {}, address, updatedAt: createdAt };
}

export function subscriptionsOf(state: SandboxState, customerId: string): PortalSubscription[] {
  const owned = [...state.subscriptions.values()].filter((record) => record.customerId === customerId);
  return newestFirst(owned.map((record) => record.subscription), (subscription) => subscription.created_at);
}

export function invoicesOf(state: SandboxState, customerId: string): PortalInvoice[] {
  const owned = [...state.invoices.values()].filter((record) => record.customerId === customerId);
  return newestFirst(owned.map((record) => record.invoice), (invoice) => invoice.invoice_date ?? invoice.created_at);
}

/** The record when it exists and belongs to `customerId`; otherwise null, either way alike. */
export function ownedSubscription(state: SandboxState, customerId: string, id: string): SubscriptionRecord | null {
  const record = state.subscriptions.get(id);
  return record && record.customerId === customerId ? record : null;
}

export function ownedInvoice(state: SandboxState, customerId: string, id: string): InvoiceRecord | null {
  const record = state.invoices.get(id);
  return record && record.customerId === customerId ? record : null;
}

export function mandatesOf(state: SandboxState, customerId: string): PortalMandate[] {
  const owned = [...state.mandates.values()].filter((record) => record.customerId === customerId);
  return newestFirst(owned.map((record) => record.mandate), (mandate) => mandate.created_at);
}

export function ownedMandate(state: SandboxState, customerId: string, id: string): MandateRecord | null {
  const record = state.mandates.get(id);
  return record && record.customerId === customerId ? record : null;
}

/** The customer's payment methods on file, the default first, then newest first. */
export function paymentMethodsOf(state: SandboxState, customerId: string): PaymentMethodRecord[] {
  return [...state.paymentMethods.values()]
    .filter((record) => record.customerId === customerId)
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}

/** The customer's default payment method, null when they have none on file. */
export function defaultPaymentMethod(state: SandboxState, customerId: string): PaymentMethodRecord | null {
  return paymentMethodsOf(state, customerId).find((record) => record.isDefault) ?? null;
}
