// The words a customer reads, in their language, straight from messages/: a test finds a button
// or a heading by the name the page gives it in that language, never by an English copy of it.
import { createTranslator } from "next-intl";
import type { AppLocale } from "../lib/shared/i18n/locales";
import type { SignInWords } from "../lib/testing/app-under-test";
import de from "../messages/de.json";
import en from "../messages/en.json";
import es from "../messages/es.json";
import fr from "../messages/fr.json";
import ja from "../messages/ja.json";

const MESSAGES = { en, fr, de, es, ja } as const;

/** Stands in for a value the test cannot know (a date), so a message can become a pattern. */
const ANY = "\u{E000}";

/**
 * `t` for `locale`, keyed as in the files ("CancelPlan.confirm"), with ICU arguments as the app
 * passes them; a key missing from that language fails the test instead of showing the key.
 */
export function messagesFor(locale: AppLocale) {
  return createTranslator({
    locale,
    messages: MESSAGES[locale] as typeof en,
    onError: (error) => {
      throw error;
    },
  });
}

type Translate = ReturnType<typeof messagesFor>;

/**
 * A translated message as a pattern, for text with a value the test cannot know (a date): the
 * argument `text` is given matches any text, the rest is the translation exactly. The whole text
 * unless `within` (a part of a longer text).
 */
export function messagePattern(text: (unknown: string) => string, { within = false } = {}): RegExp {
  const escaped = text(ANY)
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replaceAll(ANY, ".+");
  return new RegExp(within ? escaped : `^${escaped}$`);
}

/** What the sign-in helpers (./fixtures.ts) press, in the language of `t`. */
export function signInWords(t: Translate): SignInWords {
  return { continueAs: (name) => t("SignIn.continueAs", { name }), manageBilling: t("ManageBilling.open") };
}
