import "server-only";
// Which language a request is answered in: the switcher's choice first (a cookie, no account
// needed), then inside the portal the customer's RevKeen locale, then the browser's languages,
// then English.
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { localeFromAcceptLanguage } from "@/lib/shared/i18n/accept-language";
import { DEFAULT_LOCALE, isAppLocale, LOCALE_COOKIE, type AppLocale } from "@/lib/shared/i18n/locales";
import { portalLocale } from "./portal-locale";
import { PORTAL_PAGE_HEADER } from "./portal-page-header";

export const requestLocale = cache(async (): Promise<AppLocale> => {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  const chosen = cookieStore.get(LOCALE_COOKIE)?.value;
  if (isAppLocale(chosen)) return chosen;
  if (requestHeaders.get(PORTAL_PAGE_HEADER) === "1") {
    const customer = await portalLocale();
    if (customer !== null) return customer;
  }
  return localeFromAcceptLanguage(requestHeaders.get("accept-language")) ?? DEFAULT_LOCALE;
});
