// Money arrives in minor units beside an ISO 4217 code. How many minor units make a major one
// is the currency's business (JPY has none, GBP two, KWD three), so Intl is asked rather than
// assuming cents everywhere.

/**
 * One formatter per locale and currency, as for dates (format-date.ts): building one costs far
 * more than using it. A currency Intl refuses is remembered as null.
 */
const formatters = new Map<string, Intl.NumberFormat | null>();
const MAX_FORMATTERS = 64;

function currencyFormat(locale: string, currency: string): Intl.NumberFormat | null {
  const key = `${locale} ${currency}`;
  const known = formatters.get(key);
  if (known !== undefined) return known;
  let format: Intl.NumberFormat | null;
  try {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
  } catch {
    format = null;
  }
  if (formatters.size >= MAX_FORMATTERS) formatters.clear();
  formatters.set(key, format);
  return format;
}

/**
 * `amountMinor` of `currency` for people reading `locale`: 1200 GBP → "£12.00", 980 JPY → "¥980".
 * Null when the amount or the currency is unknown, so the caller decides what a gap looks like.
 */
export function formatMoney(amountMinor: number | null, currency: string | null, locale: string): string | null {
  if (amountMinor === null || !currency) return null;
  const format = currencyFormat(locale, currency.toUpperCase());
  if (format === null) return `${amountMinor} ${currency}`;
  // The decimal places the currency is written with, per ISO 4217 as Intl knows it.
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}
