// A subscription's price with its billing cadence: "£12.00 per month", "€12.00 every 3 months".
import { formatMoney } from "./format-money";

const UNITS: Record<string, [one: string, many: string]> = {
  day: ["day", "days"],
  week: ["week", "weeks"],
  month: ["month", "months"],
  year: ["year", "years"],
};

export function formatCadence(interval: string | null, count: number | null): string | null {
  if (!interval) return null;
  const times = count !== null && Number.isInteger(count) && count > 0 ? count : 1;
  const [one, many] = UNITS[interval] ?? [interval, `${interval}s`];
  return times === 1 ? `per ${one}` : `every ${times} ${many}`;
}

export function formatPrice(
  subscription: { amount_minor: number | null; currency: string | null; interval: string | null; interval_count: number | null },
  locale: string,
): string | null {
  const money = formatMoney(subscription.amount_minor, subscription.currency, locale);
  if (money === null) return null;
  const cadence = formatCadence(subscription.interval, subscription.interval_count);
  return cadence ? `${money} ${cadence}` : money;
}
