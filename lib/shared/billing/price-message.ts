// A price with its billing cadence, as the values of the `Pricing.price` message ("£12.00 per
// month", "€12.00 every 3 months", "月額 ¥980"): the amount in the customer's locale, the cadence
// worded by the message in the page's language. Null when the amount is unknown.
import { formatMoney } from "@/lib/shared/format/format-money";

type Price = { amount_minor: number | null; currency: string | null; interval: string | null; interval_count: number | null };

export type PriceValues = { amount: string; interval: string; count: number };

export function priceValues(price: Price, locale: string): PriceValues | null {
  const amount = formatMoney(price.amount_minor, price.currency, locale);
  if (amount === null) return null;
  const count = price.interval_count !== null && Number.isInteger(price.interval_count) && price.interval_count > 0 ? price.interval_count : 1;
  // An interval the message does not name (or none) leaves the amount alone.
  return { amount, interval: price.interval ?? "none", count };
}

/** What a price's words depend on: two prices with the same key read the same. */
export function priceKey(price: Price): string {
  return [price.amount_minor, price.currency, price.interval, price.interval_count].join(":");
}
