// How a cancellation is put together from what the customer chose, and which cancellations the
// cancel action accepts under the merchant's options (lib/shared/billing/portal-options.ts). The
// form and the action share this file so they cannot disagree.
import type { PortalErrorCode } from "@/lib/shared/portal-api/errors";
import type { CancelOptions } from "@/lib/shared/billing/portal-options";
import type { CancelSubscriptionBody } from "@/lib/shared/revkeen-api/customer-portal";

/** RevKeen's limit on a cancellation reason. */
export const CANCEL_REASON_LIMIT = 500;

const SEPARATOR = ": ";

/** What RevKeen is told: the chosen reason, the customer's own words, or both; nothing when neither. */
export function cancelReasonText(choice: string | null, comment: string): string | undefined {
  const words = comment.trim();
  if (choice && words) return `${choice}${SEPARATOR}${words}`;
  return choice || words || undefined;
}

/** Characters left for the customer's words once the chosen reason is in front of them. */
export function commentLimit(choice: string | null): number {
  return choice ? CANCEL_REASON_LIMIT - choice.length - SEPARATOR.length : CANCEL_REASON_LIMIT;
}

/** Why the API refuses this cancellation under these options, or null when it may go ahead. */
export function cancelRefusal(body: CancelSubscriptionBody, options: CancelOptions): PortalErrorCode | null {
  // Left out means "at the period end" upstream, so only an explicit false asks for now.
  if (body.cancel_at_period_end === false && !options.cancelNow) return "subscription:cancel_now_not_offered";
  if (body.reason === undefined) return null;
  if (body.reason.length > CANCEL_REASON_LIMIT) return "request:invalid";
  // With a free-text box any words are the customer's; without one only an offered reason is.
  if (!options.cancelComment && !options.cancelReasons.includes(body.reason)) return "request:invalid";
  return null;
}
