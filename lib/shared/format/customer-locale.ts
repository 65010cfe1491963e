/** The locale every portal page formats in when the customer has none, or one Intl refuses. */
const FALLBACK_LOCALE = "en-US";

/**
 * The customer's locale as Intl accepts it. RevKeen stores it as a free string, and one bad value
 * must not take a page down: Intl throws a RangeError on anything it cannot parse.
 */
export function customerLocale(locale: string | null | undefined): string {
  if (!locale) return FALLBACK_LOCALE;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}
