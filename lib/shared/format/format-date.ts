// Dates are written in UTC so the server's render and the browser's hydration produce the same
// text whatever time zone either is in; billing dates are calendar days, not instants.

/**
 * One formatter per locale: building an Intl.DateTimeFormat costs far more than using one (a
 * subscriptions page built one per date, about 3 ms of a render). Few locales ever meet one
 * process, and the map is emptied should many.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 64;

function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = formatters.get(locale);
  if (format === undefined) {
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    formatters.set(locale, format);
  }
  return format;
}

/** "14 March 2027" (en-GB), "March 14, 2027" (en-US), "2027年3月14日" (ja-JP); null for no date. */
export function formatDate(iso: string | null | undefined, locale: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return dateFormat(locale).format(date);
}
