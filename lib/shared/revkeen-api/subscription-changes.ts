// The two subscription changes the portal makes with the merchant's key on a customer's behalf:
// keeping a plan that was set to end (PATCH /subscriptions/{id}) and subscribing to a plan
// (POST /subscriptions). Bodies are camelCase in, answers snake_case out. Called by
// lib/server/revkeen-api/subscription-changes.ts.
import { z } from "zod";

/** PATCH /subscriptions/{id}: the one change "Keep my plan" sends. */
export const keepSubscriptionBodySchema = z.object({ cancelAtPeriodEnd: z.literal(false) });

/** POST /subscriptions: one product for one customer, paid with a method already on file. */
export const createSubscriptionBodySchema = z.object({
  customerId: z.uuid(),
  productId: z.uuid(),
  paymentMethodId: z.string().min(1),
});

/**
 * What the app reads of the merchant's answer to either change: whose subscription it is, to
 * which product, and how it stands (a first payment that failed leaves it not active).
 */
export const changedSubscriptionSchema = z.object({
  id: z.uuid(),
  customer_id: z.uuid(),
  product_id: z.string().nullish(),
  status: z.string(),
});

export type KeepSubscriptionBody = z.infer<typeof keepSubscriptionBodySchema>;
export type CreateSubscriptionBody = z.infer<typeof createSubscriptionBodySchema>;
export type ChangedSubscription = z.infer<typeof changedSubscriptionSchema>;
