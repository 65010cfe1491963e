// A customer's subscriptions as the merchant's API answers them (GET /subscriptions?customerId and
// GET /subscriptions/{id}, with the merchant's key): what the portal reads of them, the product a
// plan is named after and the dunning summary of a failed payment. Called by
// lib/server/revkeen-api/merchant-subscriptions.ts.
import { z } from "zod";
import { minorAmountSchema, timestampSchema } from "./wire";

/** Where RevKeen is in recovering a failed payment. Counts are lenient: a missing one is unknown, not zero. */
export const dunningSchema = z.object({
  is_in_dunning: z.boolean(),
  phase_severity: z.enum(["info", "warning", "critical"]).nullish().catch(null),
  retry_count: z.number().int().min(0).nullish(),
  total_possible_retries: z.number().int().min(0).nullish(),
  next_retry_at: timestampSchema.nullish(),
  days_in_dunning: z.number().int().nullish(),
  access_restricted: z.boolean().nullish(),
});

export const merchantSubscriptionSchema = z.object({
  id: z.uuid(),
  customer_id: z.uuid(),
  product_id: z.uuid().nullish(),
  status: z.string(),
  amount_minor: minorAmountSchema.nullish(),
  currency: z.string().nullish(),
  current_period_end: timestampSchema.nullish(),
  dunning: dunningSchema.nullish(),
});

/** The page-paged list: `pagination` says how many pages there are. */
export const merchantSubscriptionListSchema = z.object({
  data: z.array(merchantSubscriptionSchema),
  pagination: z.object({
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
  }),
});

export type Dunning = z.infer<typeof dunningSchema>;
export type MerchantSubscription = z.infer<typeof merchantSubscriptionSchema>;
export type MerchantSubscriptionList = z.infer<typeof merchantSubscriptionListSchema>;
