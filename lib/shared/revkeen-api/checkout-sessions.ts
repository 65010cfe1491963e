// RevKeen's hosted checkout, as the app reads it: the session created for an invoice (to send the
// customer to its `url`) and the session read back when the customer returns (to say how it went).
// The create answer's `public_token` is not read at all, and `url` is only ever a redirect: both
// open the customer's payment page, so neither is logged, rendered or returned from an action.
// Called by lib/server/revkeen-api/checkout-sessions.ts.
import { z } from "zod";
import { minorAmountSchema, timestampSchema } from "./wire";

/** What the app sends to POST /checkout-sessions: an invoice, and where RevKeen sends the customer after. */
export type CreateCheckoutSessionBody = { invoiceId: string; successUrl: string; cancelUrl: string };

/** POST /checkout-sessions: the session and the page to send the customer to. */
export const createdCheckoutSessionSchema = z.object({
  id: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  customer_id: z.string().nullish(),
  expires_at: timestampSchema,
});

/** GET /checkout-sessions/{id}: where the customer's payment stands. */
export const checkoutSessionSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  customer_id: z.string().nullable(),
  invoice_id: z.string().nullable(),
  amount_total: minorAmountSchema.nullable(),
  currency: z.string().nullable(),
  expires_at: timestampSchema.nullable(),
});

export type CreatedCheckoutSession = z.infer<typeof createdCheckoutSessionSchema>;
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;
