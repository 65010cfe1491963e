// Billing periods move by calendar months, not by 30 days: a subscription that renews on
// the 31st renews on the last day of shorter months, the way card billing does.
const DAY_MS = 86_400_000;

export function daysToMs(days: number): number {
  return days * DAY_MS;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Milliseconds of an ISO timestamp, or null for null (many portal fields are nullable). */
export function fromIso(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const dayOfMonth = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(dayOfMonth, lastDay));
  return date.getTime();
}

/**
 * One billing interval later, or null when the interval is unknown: RevKeen types the
 * interval as a free string, and a subscription we cannot roll must simply stay put.
 */
export function addInterval(ms: number, interval: string | null, count: number | null): number | null {
  const times = count ?? 1;
  if (!Number.isInteger(times) || times < 1) return null;
  switch (interval) {
    case "day":
      return ms + times * DAY_MS;
    case "week":
      return ms + times * 7 * DAY_MS;
    case "month":
      return addMonths(ms, times);
    case "year":
      return addMonths(ms, 12 * times);
    default:
      return null;
  }
}
