// What a subscription's state looks like to the customer: a badge that says it in words (never
// colour alone) and the date it will end or did end.
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { formatDate } from "../format/format-date";

export type BadgeTone = "success" | "info" | "warning" | "danger" | "neutral";
export type StatusBadge = { label: string; tone: BadgeTone };

type StatusFields = Pick<PortalSubscription, "status" | "cancel_at" | "canceled_at">;

const KNOWN: Record<string, StatusBadge> = {
  active: { label: "Active", tone: "success" },
  trialing: { label: "Trialing", tone: "info" },
  past_due: { label: "Past due", tone: "danger" },
  unpaid: { label: "Unpaid", tone: "danger" },
  canceled: { label: "Canceled", tone: "neutral" },
};

/** RevKeen's status is a free string: an unknown one is shown as words rather than hidden. */
export function statusWords(status: string): string {
  const words = status.replace(/[_-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1).toLowerCase() : "Unknown";
}

/** The status in words, then "Cancels on …" beside it while a cancellation is scheduled. */
export function subscriptionBadges(subscription: StatusFields, locale: string): StatusBadge[] {
  const status = KNOWN[subscription.status] ?? { label: statusWords(subscription.status), tone: "neutral" };
  if (subscription.status === "canceled") return [status];
  const cancelsOn = formatDate(subscription.cancel_at, locale);
  return cancelsOn ? [status, { label: `Cancels on ${cancelsOn}`, tone: "warning" }] : [status];
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
export function subscriptionEnd(subscription: StatusFields, locale: string): { label: string; date: string } | null {
  if (subscription.status === "canceled") {
    const date = formatDate(subscription.canceled_at ?? subscription.cancel_at, locale);
    return date ? { label: "Ended on", date } : null;
  }
  const date = formatDate(subscription.cancel_at, locale);
  return date ? { label: "Ends on", date } : null;
}
