// Money arrives in minor units beside an ISO 4217 code. How many minor units make a major one
// is the currency's business (JPY has none, GBP two, KWD three), so Intl is asked rather than
// assuming cents everywhere.
import { formatterCache } from "./formatter-cache";

/** A currency's formatter and the decimal places it writes the currency with (per ISO 4217, as Intl knows it). */
type CurrencyFormat = { format: Intl.NumberFormat; digits: number };

// One per locale and currency (formatter-cache.ts); null for a currency Intl refuses. The digits
// are read once with it: resolvedOptions() builds a new object on every call.
const currencyFormats = formatterCache((key): CurrencyFormat | null => {
  // A canonical locale has no space; whatever follows the first one is the currency, as given.
  const space = key.indexOf(" ");
  const [locale, currency] = [key.slice(0, space), key.slice(space + 1)];
  try {
    const format = new Intl.NumberFormat(locale, { style: "currency", currency });
    return { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
  } catch {
    return null;
  }
});

function currencyFormat(locale: string, currency: string): CurrencyFormat | null {
  return currencyFormats(`${locale} ${currency}`);
}

/**
 * `amountMinor` of `currency` for people reading `locale`: 1200 GBP → "£12.00", 980 JPY → "¥980".
 * Null when the amount or the currency is unknown, so the caller decides what a gap looks like.
 */
export function formatMoney(amountMinor: number | null, currency: string | null, locale: string): string | null {
  if (amountMinor === null || !currency) return null;
  const known = currencyFormat(locale, currency.toUpperCase());
  if (known === null) return `${amountMinor} ${currency}`;
  return known.format.format(amountMinor / 10 ** known.digits);
}
