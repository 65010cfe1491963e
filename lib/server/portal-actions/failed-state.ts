import "server-only";
// A refusal as the form's answer: its stable code, and its message in the language of the page
// the form is on (the switcher, the customer's RevKeen locale in the portal, the browser).
import { localizedErrorText } from "@/lib/server/i18n/error-text";
import { requestLocale } from "@/lib/server/i18n/request-locale";
import { DEFAULT_LOCALE } from "@/lib/shared/i18n/locales";
import type { PortalError, PortalErrorCode } from "@/lib/shared/portal-api/errors";

export type FailedState = { status: "failed"; code: PortalErrorCode; message: string };

export async function failedState(error: PortalError): Promise<FailedState> {
  // The answer to a refused write must not become an error of its own: English if the
  // request's language cannot be read.
  const locale = await requestLocale().catch(() => DEFAULT_LOCALE);
  return { status: "failed", code: error.code, message: await localizedErrorText(locale, error) };
}
