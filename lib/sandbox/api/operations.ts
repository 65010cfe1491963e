// The names faults, call counts and logs use for the API's operations.
export const OPERATION_NAMES = [
  "sessions.create",
  "customer.get",
  "subscriptions.list",
  "subscriptions.get",
  "subscriptions.cancel",
  "invoices.list",
  "invoices.get",
  "customers.create",
  "customers.get",
  "entitlements.check",
  "entitlements.list",
  "mandates.list",
  "mandates.cancel",
  "mandates.send_otp",
  "mandates.verify_otp",
  "mandates.reauthorize",
  "products.get",
  "products.list",
  "merchant_subscriptions.list",
  "merchant_subscriptions.get",
  "merchant_subscriptions.update",
  "merchant_subscriptions.create",
  "payment_methods.list",
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

/** What every API operation handler receives. */
export interface OperationInput {
  request: Request;
  url: URL;
  /** The path's captured segments, e.g. the subscription id. */
  params: string[];
}
