"use server";

import { z } from "zod";
import { portalAction } from "@/lib/server/portal-actions/portal-action";
import { withPortalToken } from "@/lib/server/portal-session/renew";
import { cancelSubscription } from "@/lib/server/revkeen-api/customer-portal";
import { CANCEL_REASON_LIMIT, cancelReasonText, cancelRefusal } from "@/lib/shared/billing/cancel-policy";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { PortalError } from "@/lib/shared/portal-api/errors";

const cancelInput = z.object({
  subscriptionId: z.uuid(),
  when: z.enum(["period_end", "now"]).default("period_end"),
  reason: z.string().max(CANCEL_REASON_LIMIT).optional(),
  comment: z.string().max(CANCEL_REASON_LIMIT).optional(),
});

/** Cancels one of the customer's subscriptions, once per rendering of the form however often it is sent. */
export const cancelSubscriptionAction = portalAction({
  input: cancelInput,
  keyed: true,
  page: ({ subscriptionId }) => `/portal/subscriptions/${subscriptionId}`,
  run: async ({ subscriptionId, when, reason, comment }, { user, idempotencyKey }) => {
    const text = cancelReasonText(reason ?? null, comment ?? "");
    const body = { cancel_at_period_end: when === "period_end", ...(text ? { reason: text } : {}) };
    // What the form does not offer (lib/shared/billing/portal-options.ts) is refused here too.
    const refusal = cancelRefusal(body, portalOptions);
    if (refusal) throw new PortalError(refusal);
    return withPortalToken(user, (token) => cancelSubscription(token, subscriptionId, body, idempotencyKey));
  },
});
