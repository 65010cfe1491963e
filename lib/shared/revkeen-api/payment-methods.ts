// A customer's payment methods as the merchant's API answers them (GET /customers/{id}/payment-methods,
// with the merchant's key). Only what the portal shows is read: the kind, whether it is the default,
// and a card's brand, last four digits and expiry, or a bank account's bank and last four digits.
// Funding, billing details, sort codes, mandate references and metadata are never read, so they
// cannot reach a page. Called by lib/server/revkeen-api/payment-methods.ts.
import { z } from "zod";

const lastFourSchema = z.string().regex(/^\d{4}$/);

export const paymentMethodSchema = z.object({
  // Stays on the server: it names the card a subscription is charged to (the upgrade's Subscribe);
  // the overview's summary leaves it out.
  id: z.string().min(1),
  type: z.string(),
  status: z.string(),
  is_default: z.boolean(),
  card: z
    .object({
      brand: z.string().nullable(),
      last4: lastFourSchema.nullable().catch(null),
      exp_month: z.number().int().min(1).max(12).nullable().catch(null),
      exp_year: z.number().int().nullable().catch(null),
    })
    .nullish(),
  us_bank_account: z.object({ bank_name: z.string().nullable(), last4: lastFourSchema.nullable().catch(null) }).nullish(),
  bacs_direct_debit: z.object({ bank_name: z.string().nullable(), account_number_last4: lastFourSchema.nullable().catch(null) }).nullish(),
});

export const paymentMethodListSchema = z.object({ data: z.array(paymentMethodSchema) });

export type PaymentMethod = z.infer<typeof paymentMethodSchema>;
export type PaymentMethodList = z.infer<typeof paymentMethodListSchema>;
