// The shapes of RevKeen's customer-portal objects (API version 2026-05-01), checked at the
// boundary: whatever the upstream sends is parsed here before the app touches it.
// Unknown fields are dropped, so a newer API that adds fields does not break the portal.
import { z } from "zod";

/** RevKeen's timestamps are ISO 8601; some examples use a space instead of the "T". */
const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a date");
const minor = z.number().int();

export const uuidSchema = z.uuid();

export const portalCustomerSchema = z.object({
  id: z.uuid(),
  object: z.literal("customer"),
  email: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  company_name: z.string().nullable(),
  default_currency: z.string().nullable(),
  locale: z.string().nullable(),
  created_at: timestamp,
});

export const portalSubscriptionSchema = z.object({
  id: z.uuid(),
  object: z.literal("subscription"),
  status: z.string(),
  currency: z.string().nullable(),
  amount_minor: minor.nullable(),
  interval: z.string().nullable(),
  interval_count: z.number().int().nullable(),
  // Present in the August 2026 SDK, absent from the 2026-05-01 document.
  billing_end_strategy: z.string().nullish(),
  billing_max_cycles: z.number().int().nullish(),
  current_period_start: timestamp.nullable(),
  current_period_end: timestamp.nullable(),
  trial_end: timestamp.nullable(),
  cancel_at: timestamp.nullable(),
  canceled_at: timestamp.nullable(),
  started_at: timestamp.nullable(),
  created_at: timestamp,
});

export const portalInvoiceSchema = z.object({
  id: z.uuid(),
  object: z.literal("invoice"),
  invoice_number: z.string().nullable(),
  status: z.string(),
  currency: z.string().nullable(),
  subtotal: minor.nullable(),
  tax_amount: minor.nullable(),
  discount_amount: minor.nullable(),
  total: minor,
  amount_paid: minor.nullable(),
  amount_due: minor.nullable(),
  invoice_date: timestamp.nullable(),
  due_date: timestamp.nullable(),
  paid_at: timestamp.nullable(),
  created_at: timestamp,
});

/**
 * A Direct Debit mandate as the portal shows it (August 2026 SDK). Bank details come back masked;
 * whatever arrives, no more than the last four characters of the account number are kept.
 */
export const portalMandateSchema = z.object({
  id: z.uuid(),
  object: z.literal("mandate"),
  status: z.string(),
  account_holder_name: z.string().nullable(),
  account_number_last4: z
    .string()
    .nullable()
    .transform((value) => (value === null ? null : value.slice(-4))),
  bank_name: z.string().nullable(),
  mandate_reference: z.string().nullable(),
  next_collection_date: timestamp.nullable(),
  created_at: timestamp.nullable(),
});

/** POST …/re-authorize/send-otp: `ok` once the code is on its way (or quietly rate-limited). */
export const mandateCodeSentSchema = z.object({ ok: z.boolean() });

/** POST …/re-authorize/verify-otp: the single-use token the change of bank must carry. */
export const mandateVerificationSchema = z.object({ verification_token: z.string().min(1).max(1_000) });

/** A customer as the merchant's API answers it (POST and GET /customers): what the app reads of it. */
export const merchantCustomerSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  created_at: timestamp,
});

/** GET /entitlements/check: whether a customer has one benefit now. */
export const entitlementCheckSchema = z.object({
  benefit_key: z.string(),
  has_access: z.boolean(),
  access_level: z.string(),
  status: z.string().nullable(),
  reason: z.string().nullable(),
});

export function listSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    object: z.literal("list"),
    data: z.array(item),
    has_more: z.boolean(),
    url: z.string(),
  });
}

export function dataSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ data: item });
}

/** Query of every list operation: cursor paging, newest first. */
export const listQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).optional(),
    starting_after: z.uuid().optional(),
    ending_before: z.uuid().optional(),
  })
  .refine((query) => !(query.starting_after && query.ending_before), {
    message: "starting_after and ending_before cannot be used together",
  });

export const cancelSubscriptionBodySchema = z.object({
  cancel_at_period_end: z.boolean().optional(),
  reason: z.string().max(500).optional(),
});

export const cancelMandateBodySchema = z.object({
  reason: z.string().max(500).optional(),
});

export const verifyMandateCodeBodySchema = z.object({
  code: z.string().trim().regex(/^\d{6}$/, "must be the 6-digit code"),
});

/** UK sort code: six digits, often written 12-34-56 or 12 34 56; sent as the six digits. */
const sortCode = z
  .string()
  .trim()
  .regex(/^\d{2}([- ]?)\d{2}\1\d{2}$/, "must be 6 digits, e.g. 12-34-56")
  .transform((value) => value.replace(/[- ]/g, ""));

/**
 * The change of bank details, as the customer's form sends it and RevKeen takes it. Messages
 * name the rule, never the value: these are the most sensitive fields the portal handles.
 */
export const reauthorizeMandateBodySchema = z.object({
  account_holder_name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  sort_code: sortCode,
  account_number: z.string().trim().regex(/^\d{8}$/, "must be 8 digits"),
  verification_token: z.string().min(1, "is required").max(1_000, "is too long"),
  acceptance: z.object({
    accountHolder: z.literal(true, "must be accepted"),
    soleSignatory: z.literal(true, "must be accepted"),
  }),
});

/** What the customer's form sends the app: the change of bank without the token, which the server holds. */
export const newBankDetailsSchema = reauthorizeMandateBodySchema.omit({ verification_token: true });

export type PortalCustomer = z.infer<typeof portalCustomerSchema>;
export type PortalSubscription = z.infer<typeof portalSubscriptionSchema>;
export type PortalInvoice = z.infer<typeof portalInvoiceSchema>;
export type MerchantCustomer = z.infer<typeof merchantCustomerSchema>;
export type EntitlementCheck = z.infer<typeof entitlementCheckSchema>;
export type PortalList<Item> = { object: "list"; data: Item[]; has_more: boolean; url: string };
export type ListQuery = z.infer<typeof listQuerySchema>;
export type CancelSubscriptionBody = z.infer<typeof cancelSubscriptionBodySchema>;
export type PortalMandate = z.infer<typeof portalMandateSchema>;
export type MandateCodeSent = z.infer<typeof mandateCodeSentSchema>;
export type MandateVerification = z.infer<typeof mandateVerificationSchema>;
export type CancelMandateBody = z.infer<typeof cancelMandateBodySchema>;
export type VerifyMandateCodeBody = z.output<typeof verifyMandateCodeBodySchema>;
export type ReauthorizeMandateBody = z.output<typeof reauthorizeMandateBodySchema>;
export type NewBankDetails = z.output<typeof newBankDetailsSchema>;
