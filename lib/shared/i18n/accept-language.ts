import { matchLocale, type AppLocale } from "./locales";

/** Browsers send a handful of languages; anything longer is not a browser's header. */
const MAX_ENTRIES = 32;
/** RFC 9110's qvalue: 0 to 1, at most three decimals. */
const QVALUE = /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i;
const Q_PARAM = /^\s*q\s*=/i;

/** A weight the header states, 1 when it states none, 0 (never chosen) when it states one that is not a qvalue. */
function weightOf(params: readonly string[]): number {
  const q = params.find((param) => Q_PARAM.test(param));
  if (q === undefined) return 1;
  const value = QVALUE.exec(q)?.[1];
  return value === undefined ? 0 : Number(value);
}

/**
 * The first language of an `Accept-Language` header we have, in the order of the browser's
 * weights (`q`), ties in the order sent; null when none matches.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale | null {
  if (!header) return null;
  const ranked = header
    .split(",", MAX_ENTRIES)
    .map((entry, index) => {
      const [tag = "", ...params] = entry.trim().split(";");
      return { tag: tag.trim(), weight: weightOf(params), index };
    })
    .filter((entry) => entry.weight > 0 && entry.tag !== "" && entry.tag !== "*")
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = matchLocale(tag);
    if (locale !== null) return locale;
  }
  return null;
}
