import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/lib/shared/i18n/locales";
import { chooseLanguageAction } from "./choose-language-action";

/** Each language named in itself, so a reader finds theirs whatever the page speaks. */
function nativeName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** The footer's switcher: a plain form, so it ships no JavaScript and works without it. */
export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("LanguageSwitcher")]);
  return (
    <form action={chooseLanguageAction} className="language-switcher">
      <label htmlFor="language-choice">{t("label")}</label>
      <select id="language-choice" name="locale" defaultValue={locale}>
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {nativeName(option)}
          </option>
        ))}
      </select>
      <button type="submit" className="button">
        {t("submit")}
      </button>
    </form>
  );
}
