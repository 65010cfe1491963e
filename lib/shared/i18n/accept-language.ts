import { matchLocale, type AppLocale } from "./locales";

/** Browsers send a handful of languages; anything longer is not a browser's header. */
const MAX_ENTRIES = 32;

/**
 * The first language of an `Accept-Language` header we have, in the order of the browser's
 * weights (`q`), ties in the order sent; null when none matches.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .slice(0, MAX_ENTRIES)
    .map((entry, index) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const q = params.map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param)?.[1]).find((value) => value !== undefined);
      const weight = q === undefined ? 1 : Number(q);
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0 && entry.tag !== "" && entry.tag !== "*")
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = matchLocale(tag);
    if (locale !== null) return locale;
  }
  return null;
}
