// What the app reads of the merchant's operations, made with the merchant's key: customers and
// entitlement checks. The session a customer's portal opens with has its own reader
// (./session-response.ts). Called by lib/server/revkeen-api/merchant.ts.
import { z } from "zod";
import { timestampSchema } from "./wire";

/** A customer as the merchant's API answers it (POST and GET /customers): what the app reads of it. */
export const merchantCustomerSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  created_at: timestampSchema,
});

/** GET /entitlements/check: whether a customer has one benefit now. */
export const entitlementCheckSchema = z.object({
  benefit_key: z.string(),
  has_access: z.boolean(),
  access_level: z.string(),
  status: z.string().nullable(),
  reason: z.string().nullable(),
});

export type MerchantCustomer = z.infer<typeof merchantCustomerSchema>;
export type EntitlementCheck = z.infer<typeof entitlementCheckSchema>;
