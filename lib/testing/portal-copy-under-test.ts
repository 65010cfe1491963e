// The portal's client words as the portal layout hands them down, for rendering client
// components in a test without Next's request: any language, from its messages file.
import { createTranslator } from "next-intl";
import type { getTranslations } from "next-intl/server";
import { makePortalCopy } from "@/lib/server/i18n/portal-copy";
import type { AppLocale } from "@/lib/shared/i18n/locales";
import type { PortalCopy } from "@/lib/shared/i18n/portal-copy";

export async function portalCopyIn(locale: AppLocale): Promise<PortalCopy> {
  const messages = (await import(`../../messages/${locale}.json`)) as { default: Parameters<typeof createTranslator>[0]["messages"] };
  const translations = (namespace: string) => Promise.resolve(createTranslator({ locale, messages: messages.default, namespace: namespace as never }));
  return makePortalCopy(translations as unknown as typeof getTranslations);
}
