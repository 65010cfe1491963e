// An invoice's status for its badge: which words (a key of the Invoices namespace's `status`) and
// a tone that only repeats what the words say.
import type { BadgeTone } from "./subscription-status";
import { statusWords } from "./subscription-status";

type KnownStatus = "paid" | "open" | "draft" | "void" | "uncollectible";

export type InvoiceBadge = { tone: BadgeTone } & ({ key: KnownStatus; values?: undefined } | { key: "other"; values: { status: string } });

const KNOWN: Record<KnownStatus, BadgeTone> = {
  paid: "success",
  open: "warning",
  draft: "neutral",
  void: "neutral",
  uncollectible: "danger",
};

function isKnown(status: string): status is KnownStatus {
  return Object.hasOwn(KNOWN, status);
}

/** RevKeen's status is a free string: an unknown one is shown as its own words rather than hidden. */
export function invoiceBadge(status: string): InvoiceBadge {
  return isKnown(status) ? { key: status, tone: KNOWN[status] } : { key: "other", values: { status: statusWords(status) }, tone: "neutral" };
}
