import "server-only";
// The switcher's choice, remembered without an account: how the cookie is written, by the
// switcher (app/_components/choose-language-action.ts) and again by signing out, whose
// Clear-Site-Data drops every cookie of the site.
import { LOCALE_COOKIE, type AppLocale } from "@/lib/shared/i18n/locales";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** Scripts cannot read it; it goes with this site's own navigations, for a year. */
export function languageCookie(locale: AppLocale, secure: boolean) {
  return { name: LOCALE_COOKIE, value: locale, path: "/", maxAge: ONE_YEAR_S, sameSite: "lax", httpOnly: true, secure } as const;
}
