// What the sandbox stores: the portal projections plus the owner and the merchant-only
// fields the portal must never show (the cancellation reason, the product, dunning).
import type { PortalCustomer, PortalInvoice, PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";

/** Where a subscription whose payment failed stands in RevKeen's retries. Times are sandbox-clock ms. */
export interface Dunning {
  startedAt: number;
  /** Retries made so far (the failed payment that started dunning is not one). */
  retryCount: number;
  totalRetries: number;
  /** When the next retry is made; null once the last has failed. */
  nextRetryAt: number | null;
  /** Whether the plan's benefits are withheld (after the last retry failed). */
  accessRestricted: boolean;
}

export interface SubscriptionRecord {
  customerId: string;
  /** The product the plan is of: its name, and the benefits it grants. */
  productId: string;
  cancellationReason: string | null;
  /** null when the subscription's payments are in order. */
  dunning: Dunning | null;
  quantity: number;
  metadata: Record<string, unknown>;
  /** Sandbox-clock ms of the last change the merchant's API shows as `updated_at`. */
  updatedAt: number;
  subscription: PortalSubscription;
}

export interface InvoiceRecord {
  customerId: string;
  /** The subscription the invoice bills (the main one when it bills several); null for none. */
  subscriptionId: string | null;
  invoice: PortalInvoice;
}

/** A product of the merchant's catalogue, as GET /v2/products shows it, and what it grants. */
export interface ProductRecord {
  id: string;
  /** The merchant's own readable id, e.g. "prod_pro". */
  productId: string;
  name: string;
  description: string | null;
  kind: "subscription" | "one_time" | "usage";
  amountMinor: number;
  currency: string;
  interval: "day" | "week" | "month" | "year" | null;
  intervalCount: number | null;
  /** The benefit keys a subscription of this product grants while it gives access. */
  benefits: string[];
  createdAt: number;
}

/**
 * A payment method on file. Only what RevKeen's API shows is kept: brand, last four and expiry of a
 * card, never a number. `declines` is the sandbox's own switch: a charge to it fails.
 */
export interface PaymentMethodRecord {
  id: string;
  customerId: string;
  isDefault: boolean;
  declines: boolean;
  card: { brand: "visa" | "mastercard" | "amex" | "jcb"; last4: string; expMonth: number; expYear: number; funding: "credit" | "debit" };
  holderName: string | null;
  createdAt: number;
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
  products: ProductRecord[];
  paymentMethods: PaymentMethodRecord[];
}
