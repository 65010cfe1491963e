// A status badge in words (never colour alone), shared by subscriptions, invoices and Direct
// Debits. Its own module, so a page that shows only invoices or mandates carries none of the
// subscriptions' code.

export type BadgeTone = "success" | "info" | "warning" | "danger" | "neutral";
export type StatusBadge = { label: string; tone: BadgeTone };

/**
 * RevKeen's status is a free string: an unknown one is shown as words rather than hidden. Null for
 * an empty one, which has no words of its own: the page says "unknown" in its language.
 */
export function statusWords(status: string): string | null {
  const words = status.replace(/[_-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1).toLowerCase() : null;
}
