import "server-only";
// The shape of a verified webhook event: what receive-webhook.ts accepts and handle-event.ts acts on.
import { z } from "zod";

export const webhookEventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(100),
  created: z.number().int(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export type WebhookEvent = z.infer<typeof webhookEventSchema>;
