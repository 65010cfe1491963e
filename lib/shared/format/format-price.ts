// A subscription's price and its billing cadence, as the parts a message says in the page's
// language (`Price.cadence`: "£12.00 per month", "12,00 € tous les 3 mois", "¥980／月"). The money
// is formatted in the customer's locale; the words around it are the message's.
import { formatMoney } from "./format-money";

const UNITS = ["day", "week", "month", "year"] as const;
type Unit = (typeof UNITS)[number];

export type PriceParts = { money: string; interval: Unit | "other"; count: number };

type Priced = { amount_minor: number | null; currency: string | null; interval: string | null; interval_count: number | null };

function isUnit(interval: string): interval is Unit {
  return (UNITS as readonly string[]).includes(interval);
}

/** The money and the cadence, or null without an amount. An interval not known says the money alone. */
export function priceParts(subscription: Priced, locale: string): PriceParts | null {
  const money = formatMoney(subscription.amount_minor, subscription.currency, locale);
  if (money === null) return null;
  const count = subscription.interval_count;
  const times = count !== null && Number.isInteger(count) && count > 0 ? count : 1;
  return { money, interval: subscription.interval !== null && isUnit(subscription.interval) ? subscription.interval : "other", count: times };
}

/** What identifies a price's words: two subscriptions with the same key read the same. */
export function priceKey(subscription: Priced): string {
  return [subscription.amount_minor, subscription.currency, subscription.interval, subscription.interval_count].join(":");
}
