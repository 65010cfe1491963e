// A product as the merchant's API answers it (GET /products/{id}, with the merchant's key): the
// portal reads its name, to name a plan, and its price, to offer it to a customer whose feature
// is locked. Called by lib/server/revkeen-api/products.ts.
import { z } from "zod";

export const productSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  amount_minor: z.number().int().nullish(),
  currency: z.string().nullish(),
  interval: z.string().nullish(),
  interval_count: z.number().int().nullish(),
});

export type Product = z.infer<typeof productSchema>;
