import "server-only";
import { z } from "zod";
import { dropCustomerCaches } from "@/lib/server/entitlements/customer-cache";
import { portalAction } from "@/lib/server/portal-actions/portal-action";
import { withPortalToken } from "@/lib/server/portal-session/renew";
import { getSubscription } from "@/lib/server/revkeen-api/customer-portal";
import { keepSubscription } from "@/lib/server/revkeen-api/subscription-changes";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { isScheduledToCancel } from "@/lib/shared/billing/subscription-status";
import { PortalError } from "@/lib/shared/portal-api/errors";

/** The form's name on the subscription's page, for its answer in the page's address. */
export const KEEP_PLAN_FORM = "keep";

/**
 * "Keep my plan" as a write: takes back a cancellation set for the period's end. The portal API cannot, so
 * the merchant's key does, and only after the customer's own portal token has shown that the
 * subscription is theirs and still set to end (another customer's id is a 404, nothing sent).
 * The form's server action (./keep-plan-action.ts) takes its answer back to the page.
 */
export const keepPlan = portalAction({
  input: z.object({ subscriptionId: z.uuid() }),
  refuse: () => (portalOptions.keepPlan ? null : "subscription:keep_not_offered"),
  keyed: true,
  page: ({ subscriptionId }) => `/portal/subscriptions/${subscriptionId}`,
  run: ({ subscriptionId }, { user, idempotencyKey }) =>
    withPortalToken(user, async (token) => {
      const current = await getSubscription(token, subscriptionId);
      if (current.status === "canceled") throw new PortalError("subscription:already_ended");
      // Already renewing (a second press, or another tab): nothing to take back.
      if (!isScheduledToCancel(current)) return current;
      const kept = await keepSubscription(subscriptionId, idempotencyKey);
      // The gate of a paid feature sees the plan at once, not when the webhook comes.
      await dropCustomerCaches(kept.customer_id);
      return getSubscription(token, subscriptionId);
    }),
});
