// The customer portal's Direct Debit mandates, the three steps of a change of bank and the bodies
// each sends (August 2026 SDK), checked at the boundary. Called by lib/server/revkeen-api/mandates.ts.
import { z } from "zod";
import { timestampSchema } from "./wire";

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
  next_collection_date: timestampSchema.nullable(),
  created_at: timestampSchema.nullable(),
});

/** POST …/re-authorize/send-otp: `ok` once the code is on its way (or quietly rate-limited). */
export const mandateCodeSentSchema = z.object({ ok: z.boolean() });

/** POST …/re-authorize/verify-otp: the single-use token the change of bank must carry. */
export const mandateVerificationSchema = z.object({ verification_token: z.string().min(1).max(1_000) });

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

export type PortalMandate = z.infer<typeof portalMandateSchema>;
export type MandateCodeSent = z.infer<typeof mandateCodeSentSchema>;
export type MandateVerification = z.infer<typeof mandateVerificationSchema>;
export type CancelMandateBody = z.infer<typeof cancelMandateBodySchema>;
export type VerifyMandateCodeBody = z.output<typeof verifyMandateCodeBodySchema>;
export type ReauthorizeMandateBody = z.output<typeof reauthorizeMandateBodySchema>;
export type NewBankDetails = z.output<typeof newBankDetailsSchema>;
