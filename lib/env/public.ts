// Values the browser may see. Next inlines NEXT_PUBLIC_ variables at build time, so each one
// is read by its literal name; nothing secret may ever be added here.
import { z } from "zod";

const publicSchema = z.object({
  NEXT_PUBLIC_BRAND_NAME: z.string().trim().min(1).max(60).catch("Acme"),
});

export const publicEnv = publicSchema.parse({
  NEXT_PUBLIC_BRAND_NAME: process.env.NEXT_PUBLIC_BRAND_NAME,
});
