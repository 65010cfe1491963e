// The languages the portal speaks, and how a locale someone asks for becomes one of them. Money
// and dates are not decided here: they keep following the customer's own locale.

/** One file per language in messages/; English is the one every other is checked against. */
export const LOCALES = ["en", "fr", "de", "es", "ja"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";

/** The switcher's choice, remembered without an account. */
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language we have for a BCP 47 tag, matched by its language alone (`fr-CA` → `fr`,
 * `ja-JP` → `ja`), or null for one we do not have or cannot parse.
 */
export function matchLocale(tag: string | null | undefined): AppLocale | null {
  if (!tag) return null;
  try {
    const language = new Intl.Locale(tag.trim()).language.toLowerCase();
    return isAppLocale(language) ? language : null;
  } catch {
    return null;
  }
}
