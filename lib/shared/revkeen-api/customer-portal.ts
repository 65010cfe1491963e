// The customer-portal objects the app reads and the bodies it sends (API version 2026-05-01),
// checked at the boundary: whatever the upstream sends is parsed here before the app touches it.
// Called by lib/server/revkeen-api/customer-portal.ts.
import { z } from "zod";
import { minorAmountSchema, timestampSchema } from "./wire";

export const portalCustomerSchema = z.object({
  id: z.uuid(),
  object: z.literal("customer"),
  email: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  company_name: z.string().nullable(),
  default_currency: z.string().nullable(),
  locale: z.string().nullable(),
  created_at: timestampSchema,
});

export const portalSubscriptionSchema = z.object({
  id: z.uuid(),
  object: z.literal("subscription"),
  status: z.string(),
  currency: z.string().nullable(),
  amount_minor: minorAmountSchema.nullable(),
  interval: z.string().nullable(),
  interval_count: z.number().int().nullable(),
  // Present in the August 2026 SDK, absent from the 2026-05-01 document.
  billing_end_strategy: z.string().nullish(),
  billing_max_cycles: z.number().int().nullish(),
  current_period_start: timestampSchema.nullable(),
  current_period_end: timestampSchema.nullable(),
  trial_end: timestampSchema.nullable(),
  cancel_at: timestampSchema.nullable(),
  canceled_at: timestampSchema.nullable(),
  started_at: timestampSchema.nullable(),
  created_at: timestampSchema,
});

export const portalInvoiceSchema = z.object({
  id: z.uuid(),
  object: z.literal("invoice"),
  invoice_number: z.string().nullable(),
  status: z.string(),
  currency: z.string().nullable(),
  subtotal: minorAmountSchema.nullable(),
  tax_amount: minorAmountSchema.nullable(),
  discount_amount: minorAmountSchema.nullable(),
  total: minorAmountSchema,
  amount_paid: minorAmountSchema.nullable(),
  amount_due: minorAmountSchema.nullable(),
  invoice_date: timestampSchema.nullable(),
  due_date: timestampSchema.nullable(),
  paid_at: timestampSchema.nullable(),
  created_at: timestampSchema,
  // Not in the 2026-05-01 document or the SDK: read when present, to find a past-due plan's invoice.
  subscription_id: z.uuid().nullish().catch(null),
});

export const cancelSubscriptionBodySchema = z.object({
  cancel_at_period_end: z.boolean().optional(),
  reason: z.string().max(500).optional(),
});

export type PortalCustomer = z.infer<typeof portalCustomerSchema>;
export type PortalSubscription = z.infer<typeof portalSubscriptionSchema>;
export type PortalInvoice = z.infer<typeof portalInvoiceSchema>;
export type CancelSubscriptionBody = z.infer<typeof cancelSubscriptionBodySchema>;
