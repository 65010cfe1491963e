import "server-only";
// The language of a request answered without a page around it (the app's API, the proxy's own
// answers): the switcher's cookie, then the browser's languages, then English. The portal's pages
// also follow the customer's RevKeen locale (./request-locale.ts); the API leaves that to the page,
// which words the codes it reads itself (lib/shared/portal-api/error-text.ts).
import { localeFromAcceptLanguage } from "@/lib/shared/i18n/accept-language";
import { DEFAULT_LOCALE, isAppLocale, LOCALE_COOKIE, type AppLocale } from "@/lib/shared/i18n/locales";

type RequestLike = { headers: Headers; cookies: { get(name: string): { value: string } | undefined } };

export function negotiatedLocale(request: RequestLike): AppLocale {
  const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
  if (isAppLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE;
}
