// An invoice's status for its badge: which words (a key of the Invoices namespace's `status`, or
// RevKeen's own status in words when it is one we do not know) and a tone that only repeats what
// the words say.
import { statusWords, type BadgeTone } from "./status-words";

export type KnownInvoiceStatus = "paid" | "open" | "draft" | "void" | "uncollectible";

export type InvoiceBadge = { tone: BadgeTone } & ({ key: KnownInvoiceStatus } | { key: null; words: string });

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
  return isKnown(status) ? { key: status, tone: KNOWN[status] } : { key: null, words: statusWords(status), tone: "neutral" };
}
