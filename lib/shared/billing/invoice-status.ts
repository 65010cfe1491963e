// An invoice's status for its badge: which words (a key of the Invoices namespace's `status`, or
// RevKeen's own status in words when it is one we do not know) and a tone that only repeats what
// the words say.
import { statusWords, type BadgeTone } from "./status-words";

export type KnownInvoiceStatus = "paid" | "open" | "draft" | "void" | "uncollectible";

/** `unknown`: RevKeen gave no status at all. */
export type InvoiceBadge = { tone: BadgeTone } & ({ key: KnownInvoiceStatus | "unknown" } | { key: null; words: string });

const KNOWN: Record<KnownInvoiceStatus, BadgeTone> = {
  paid: "success",
  open: "warning",
  draft: "neutral",
  void: "neutral",
  uncollectible: "danger",
};

function isKnown(status: string): status is KnownInvoiceStatus {
  return Object.hasOwn(KNOWN, status);
}

/** RevKeen's status is a free string: an unknown one is shown as its own words rather than hidden. */
export function invoiceBadge(status: string): InvoiceBadge {
  if (isKnown(status)) return { key: status, tone: KNOWN[status] };
  const words = statusWords(status);
  return words === null ? { key: "unknown", tone: "neutral" } : { key: null, words, tone: "neutral" };
}
