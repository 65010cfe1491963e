// Building an Intl formatter costs far more than using one, and a page formats many dates and
// amounts, so each formatter is built once per key. Few locales and currencies ever meet one
// process or tab; a cache that fills up anyway starts over.

const MAX_FORMATTERS = 64;

/** A memo for `make`: the same key answers the same formatter (or null, when Intl refused it). */
export function formatterCache<Format>(make: (key: string) => Format): (key: string) => Format {
  const formatters = new Map<string, Format>();
  return (key) => {
    if (formatters.has(key)) return formatters.get(key) as Format;
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    const format = make(key);
    formatters.set(key, format);
    return format;
  };
}
