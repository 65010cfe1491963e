// The words the server hands the portal's client components (the layout's PortalCopy, the cancel
// form's words), for rendering them in a test without Next's request: any language, from its
// messages file.
import { createTranslator } from "next-intl";
import type { getTranslations } from "next-intl/server";
import { cancelFormWords } from "@/lib/server/i18n/cancel-form-words";
import { directDebitWords } from "@/lib/server/i18n/direct-debit-words";
import { makePortalCopy } from "@/lib/server/i18n/portal-copy";
import type { CancelFormWords } from "@/lib/shared/billing/cancel-form-options";
import type { DirectDebitWords } from "@/lib/shared/i18n/direct-debit-words";
import type { AppLocale } from "@/lib/shared/i18n/locales";
import type { PortalCopy } from "@/lib/shared/i18n/portal-copy";

/** next-intl's getTranslations, answered from messages/<locale>.json. */
async function translationsIn(locale: AppLocale): Promise<typeof getTranslations> {
  const messages = (await import(`../../messages/${locale}.json`)) as { default: Parameters<typeof createTranslator>[0]["messages"] };
  const translations = (namespace: string) => Promise.resolve(createTranslator({ locale, messages: messages.default, namespace: namespace as never }));
  return translations as unknown as typeof getTranslations;
}

export async function portalCopyIn(locale: AppLocale): Promise<PortalCopy> {
  return makePortalCopy(await translationsIn(locale));
}

export async function cancelFormWordsIn(locale: AppLocale): Promise<CancelFormWords> {
  return cancelFormWords(await translationsIn(locale));
}

export async function directDebitWordsIn(locale: AppLocale): Promise<DirectDebitWords> {
  return directDebitWords(await translationsIn(locale));
}
