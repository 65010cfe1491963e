import "server-only";
// A failure's words in a chosen language, for code that answers outside a page's render: server
// actions, the app's API, the proxy's unavailable page. Built with next-intl's translator from the
// messages file itself, so it needs no request configuration.
import { createTranslator, type Messages } from "next-intl";
import type { AppLocale } from "@/lib/shared/i18n/locales";
import { errorText } from "@/lib/shared/portal-api/error-text";
import type { PortalErrorCode } from "@/lib/shared/portal-api/error-codes";

async function messagesOf(locale: AppLocale): Promise<Messages> {
  return (await import(`../../../messages/${locale}.json`)).default as Messages;
}

export async function errorsTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: await messagesOf(locale), namespace: "Errors" });
}

export async function localizedErrorText(locale: AppLocale, failure: { code: PortalErrorCode; retryAfter?: number | undefined }): Promise<string> {
  return errorText(await errorsTranslator(locale), failure);
}
