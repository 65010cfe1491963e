"use server";

import { z } from "zod";
import { cancelDirectDebit } from "@/lib/server/direct-debit/cancel-direct-debit";
import { portalAction } from "@/lib/server/portal-actions/portal-action";

/** Cancels one of the customer's Direct Debits (future collections stop), once per rendering of the form however often it is sent. */
export const cancelMandateAction = portalAction({
  input: z.object({ mandateId: z.uuid(), reason: z.string().trim().max(500).optional() }),
  keyed: true,
  page: () => "/portal/direct-debit",
  run: ({ mandateId, reason }, { user, idempotencyKey }) => cancelDirectDebit(user, mandateId, reason ? { reason } : {}, idempotencyKey),
});
