// Dates are written in UTC so the server's render and the browser's hydration produce the same
// text whatever time zone either is in; billing dates are calendar days, not instants.
import { formatterCache } from "./formatter-cache";

const dateFormat = formatterCache((locale) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }));

/** "14 March 2027" (en-GB), "March 14, 2027" (en-US), "2027年3月14日" (ja-JP); null for no date. */
export function formatDate(iso: string | null | undefined, locale: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return dateFormat(locale).format(date);
}
