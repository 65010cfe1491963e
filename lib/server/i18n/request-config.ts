import "server-only";
// next-intl's per-request configuration (named in next.config.mjs): the language and its messages,
// one file per language in messages/, precompiled at build time.
import { getRequestConfig } from "next-intl/server";
import { requestLocale } from "./request-locale";

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  // The zone the portal writes every date in (format-date.ts); named, next-intl does not ask the
  // server for its own on each request.
  return { locale, timeZone: "UTC", messages: (await import(`../../../messages/${locale}.json`)).default };
});
