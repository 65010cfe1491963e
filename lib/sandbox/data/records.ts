// What the sandbox stores: the portal projections plus the owner and the merchant-only
// fields the portal must never show (the cancellation reason).
import type { PortalCustomer, PortalInvoice, PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";

export interface SubscriptionRecord {
  customerId: string;
  cancellationReason: string | null;
  /** The benefit keys the plan grants while the subscription is active, trialing or past due. */
  benefits: string[];
  subscription: PortalSubscription;
}

export interface InvoiceRecord {
  customerId: string;
  invoice: PortalInvoice;
}

/**
 * A Direct Debit mandate. Bank details are kept only as the projection shows them (the last four
 * digits of the account number): a sort code or full account number is never stored.
 */
export interface MandateRecord {
  customerId: string;
  cancellationReason: string | null;
  /** Sandbox time the new bank details were lodged, while the mandate is pending; else null. */
  lodgedAt: number | null;
  mandate: PortalMandate;
}

/** The merchant-only side of a customer, which the portal projection leaves out. */
export interface CustomerDetails {
  /** One of the seed's demo customers (offered at demo sign-in), or created through POST /customers. */
  demo: boolean;
  metadata: Record<string, unknown>;
  customFields: Record<string, unknown>;
  address: { line1: string | null; line2: string | null; city: string | null; state: string | null; postalCode: string | null; country: string | null };
  updatedAt: string;
}

export interface SeedData {
  merchantId: string;
  customers: PortalCustomer[];
  subscriptions: SubscriptionRecord[];
  invoices: InvoiceRecord[];
  mandates: MandateRecord[];
}
