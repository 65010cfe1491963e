// What a subscription's state looks like to the customer: a badge that says it in words (never
// colour alone) and the date it will end or did end. The words are chosen here as keys of the
// "Subscriptions" messages, with their values; the component says them in the customer's language.
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { formatDate } from "../format/format-date";
import { statusWords, type BadgeTone } from "./status-words";

export { statusWords, type BadgeTone, type StatusBadge } from "./status-words";

type StatusFields = Pick<PortalSubscription, "status" | "cancel_at" | "canceled_at">;

const KNOWN_TONES = {
  active: "success",
  trialing: "info",
  past_due: "danger",
  unpaid: "danger",
  canceled: "neutral",
} as const satisfies Record<string, BadgeTone>;

/** A status the portal has words for. */
export type KnownStatus = keyof typeof KNOWN_TONES;

function isKnownStatus(status: string): status is KnownStatus {
  return Object.hasOwn(KNOWN_TONES, status);
}

/** A badge of a subscription, as a message of the "Subscriptions" namespace and its values. */
export type SubscriptionBadge =
  | { key: "status"; values: { status: KnownStatus | "unknown" | "other"; words: string }; tone: BadgeTone }
  | { key: "cancelsOn"; values: { date: string }; tone: "warning" };


function statusBadge(status: string): SubscriptionBadge {
  if (isKnownStatus(status)) return { key: "status", values: { status, words: "" }, tone: KNOWN_TONES[status] };
  const words = statusWords(status);
  // RevKeen's own word for a status we do not know is shown as it is, rather than hidden.
  return { key: "status", values: words !== null ? { status: "other", words } : { status: "unknown", words: "" }, tone: "neutral" };
}

/** The status in words, then "Cancels on …" beside it while a cancellation is scheduled. */
export function subscriptionBadges(subscription: StatusFields, locale: string): SubscriptionBadge[] {
  const status = statusBadge(subscription.status);
  if (subscription.status === "canceled") return [status];
  const date = formatDate(subscription.cancel_at, locale);
  return date ? [status, { key: "cancelsOn", values: { date }, tone: "warning" }] : [status];
}

/** A subscription the customer still has: anything but canceled. */
export function isCurrentSubscription(subscription: Pick<PortalSubscription, "status">): boolean {
  return subscription.status !== "canceled";
}

/** Scheduled to end at a set date, but not over yet. */
export function isScheduledToCancel(subscription: StatusFields): boolean {
  return subscription.status !== "canceled" && subscription.cancel_at !== null;
}

/** "Ends on …" for a scheduled cancellation, "Ended on …" once canceled, null while it renews. */
export function subscriptionEnd(subscription: StatusFields, locale: string): { label: "endsOn" | "endedOn"; date: string } | null {
  if (subscription.status === "canceled") {
    const date = formatDate(subscription.canceled_at ?? subscription.cancel_at, locale);
    return date ? { label: "endedOn", date } : null;
  }
  const date = formatDate(subscription.cancel_at, locale);
  return date ? { label: "endsOn", date } : null;
}
