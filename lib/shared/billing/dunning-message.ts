// What a plan in dunning says to the customer: that the last payment failed, when the next try is
// and how many are left, and whether access is already restricted. Chosen here as keys of the
// "Dunning" messages with their values (the count's plural forms are the language's own); the
// date is written in the customer's locale.
import { formatDate } from "../format/format-date";
import type { DunningSummary } from "./plan-details";

export type DunningNextTry =
  | { key: "noTriesLeft"; values?: undefined }
  | { key: "retryOnWithCount"; values: { date: string; count: number } }
  | { key: "retryOn"; values: { date: string } }
  | { key: "retryWithCount"; values: { count: number } };

export type DunningMessage = {
  headline: { key: "headline" };
  /** When the next try is and how many are left; null when RevKeen says neither. */
  nextTry: DunningNextTry | null;
  access: { key: "restricted" | "notRestricted" };
};

export function dunningMessage(dunning: DunningSummary, locale: string): DunningMessage {
  const date = formatDate(dunning.nextRetryAt, locale);
  const count = dunning.retriesLeft;
  let nextTry: DunningNextTry | null = null;
  if (count === 0) nextTry = { key: "noTriesLeft" };
  else if (date !== null && count !== null) nextTry = { key: "retryOnWithCount", values: { date, count } };
  else if (date !== null) nextTry = { key: "retryOn", values: { date } };
  else if (count !== null) nextTry = { key: "retryWithCount", values: { count } };
  return {
    headline: { key: "headline" },
    nextTry,
    access: { key: dunning.accessRestricted ? "restricted" : "notRestricted" },
  };
}

/** One line for the plan's card in a list: "Payment failed. Next try on …. Access restricted." */
export function dunningLine(dunning: DunningSummary, locale: string): { key: "line"; values: { retry: "none" | "date" | "unknown"; date: string; restricted: "yes" | "no" } } {
  const date = formatDate(dunning.nextRetryAt, locale);
  const retry = dunning.retriesLeft === 0 ? "none" : date !== null ? "date" : "unknown";
  return { key: "line", values: { retry, date: date ?? "", restricted: dunning.accessRestricted ? "yes" : "no" } };
}
