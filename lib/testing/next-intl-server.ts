// next-intl's server functions for tests that call server components or server code directly:
// Vitest resolves next-intl's client build, where getTranslations refuses to run. Messages come
// from messages/<language>.json as in the app; `testLocale.current` is the request's language.
//   vi.mock("next-intl/server", () => import("@/lib/testing/next-intl-server"));
import { createFormatter, createTranslator, type Messages } from "next-intl";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import ja from "@/messages/ja.json";
import type { AppLocale } from "@/lib/shared/i18n/locales";

const MESSAGES: Record<AppLocale, Messages> = { en, fr, de, es, ja };

export const testLocale: { current: AppLocale } = { current: "en" };

export async function getLocale(): Promise<AppLocale> {
  return testLocale.current;
}

export async function getMessages(): Promise<Messages> {
  return MESSAGES[testLocale.current];
}

export async function getTranslations(namespace?: keyof Messages) {
  return createTranslator({ locale: testLocale.current, messages: MESSAGES[testLocale.current], namespace: namespace as never });
}

export async function getFormatter() {
  return createFormatter({ locale: testLocale.current });
}
