"use server";

import { z } from "zod";
import { portalAction } from "@/lib/server/portal-actions/portal-action";
import { reasonsAsSent } from "@/lib/server/i18n/cancel-reasons";
import { withPortalToken } from "@/lib/server/portal-session/renew";
import { cancelSubscription } from "@/lib/server/revkeen-api/customer-portal";
import { CANCEL_REASON_LIMIT, cancelReasonText, cancelRefusal } from "@/lib/shared/billing/cancel-policy";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import type { CancelSubscriptionBody } from "@/lib/shared/revkeen-api/customer-portal";

const cancelInput = z.object({
  subscriptionId: z.uuid(),
  when: z.enum(["period_end", "now"]).default("period_end"),
  reason: z.string().max(CANCEL_REASON_LIMIT).optional(),
  comment: z.string().max(CANCEL_REASON_LIMIT).optional(),
});

function cancelBody({ when, reason, comment }: z.output<typeof cancelInput>): CancelSubscriptionBody {
  const text = cancelReasonText(reason ?? null, comment ?? "");
  return { cancel_at_period_end: when === "period_end", ...(text ? { reason: text } : {}) };
}

/** Cancels one of the customer's subscriptions, once per rendering of the form however often it is sent. */
export const cancelSubscriptionAction = portalAction({
  input: cancelInput,
  // What the form does not offer (lib/shared/billing/portal-options.ts) is refused here too.
  refuse: (input) => cancelRefusal(cancelBody(input), { ...portalOptions, cancelReasons: reasonsAsSent(portalOptions.cancelReasons) }),
  keyed: true,
  page: ({ subscriptionId }) => `/portal/subscriptions/${subscriptionId}`,
  run: (input, { user, idempotencyKey }) =>
    withPortalToken(user, (token) => cancelSubscription(token, input.subscriptionId, cancelBody(input), idempotencyKey)),
});
