// A product as the merchant's API answers it (GET /products/{id}, with the merchant's key): the
// portal reads its name only, to name a plan. Called by lib/server/revkeen-api/products.ts.
import { z } from "zod";

export const productSchema = z.object({
  id: z.uuid(),
  name: z.string(),
});

export type Product = z.infer<typeof productSchema>;
