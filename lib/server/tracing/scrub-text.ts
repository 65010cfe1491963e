import "server-only";
// What a span may not carry, removed from any text before it is exported. The app's own spans are
// built from names and codes only (lib/server/tracing/*-span.ts); this is for what others record:
// Next's request spans carry the requested path and query (`http.target`), and a path or query can
// hold a sign-in code, a checkout page's token or an e-mail address.
import { redact } from "@/lib/shared/secrets/redact";

/** A URL's or a path's query, wherever it appears in the text. */
const QUERY = /((?:[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+)?\/[^\s?#]*)\?[^\s#]*/gi;
/** A checkout page's public token (`cst_…`), which opens the page to whoever holds it. */
const CHECKOUT_TOKEN = /cst_[A-Za-z0-9_-]+/g;
const EMAIL = /[^\s@"'<>(),;:/?#[\]]+@[^\s@"'<>(),;:/?#]+\.[A-Za-z]{2,}/g;
/** An IBAN, with or without its spaces. */
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;

export function scrubText(text: string): string {
  return redact(text).replace(QUERY, "$1?[redacted]").replace(CHECKOUT_TOKEN, "cst_[redacted]").replace(EMAIL, "[email]").replace(IBAN, "[iban]");
}
