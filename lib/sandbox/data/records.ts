// What the sandbox stores: the portal projections plus the owner and the merchant-only
// fields the portal must never show (the cancellation reason).
import type { PortalCustomer, PortalInvoice, PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";

export interface SubscriptionRecord {
  customerId: string;
  cancellationReason: string | null;
  /** The benefit keys the plan grants while the subscription is active, trialing or past due. */
  benefits: string[];
  /** Retrying a failed renewal: what the merchant API's `dunning` block shows; null when nothing is owed. */
  dunning: Dunning | null;
  subscription: PortalSubscription;
}

export interface Dunning {
  startedAt: number;
  retryCount: number;
  totalRetries: number;
  nextRetryAt: number | null;
  accessRestricted: boolean;
}

export interface InvoiceRecord {
  customerId: string;
  /** The subscription the invoice bills, when it bills one plan: paying it brings that plan out of dunning. */
  subscriptionId: string | null;
  invoice: PortalInvoice;
}

/**
 * A hosted checkout. The page's token is kept only as a hash, and the public token not at all
 * (the create answer is its only appearance), so no dump or log holds either.
 */
export interface CheckoutSessionRecord {
  id: string;
  /** SHA-256 of the token in the page's URL. */
  pageTokenHash: string;
  status: "open" | "complete" | "expired";
  mode: "payment" | "subscription";
  amountMinor: number;
  currency: string;
  customerId: string | null;
  invoiceId: string | null;
  productId: string | null;
  subscriptionId: string | null;
  paymentIntentId: string | null;
  url: string;
  successUrl: string | null;
  cancelUrl: string | null;
  allowedMethods: string[];
  selectedMethod: string | null;
  createdAt: number;
  expiresAt: number;
  expiredAt: number | null;
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
