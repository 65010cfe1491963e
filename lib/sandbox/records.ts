// What the sandbox stores: the portal projections plus the owner and the merchant-only
// fields the portal must never show (the cancellation reason).
import type { PortalCustomer, PortalInvoice, PortalSubscription } from "@/lib/shared/revkeen-api/schemas";

export interface SubscriptionRecord {
  customerId: string;
  cancellationReason: string | null;
  subscription: PortalSubscription;
}

export interface InvoiceRecord {
  customerId: string;
  invoice: PortalInvoice;
}

export interface SeedData {
  merchantId: string;
  customers: PortalCustomer[];
  subscriptions: SubscriptionRecord[];
  invoices: InvoiceRecord[];
}
