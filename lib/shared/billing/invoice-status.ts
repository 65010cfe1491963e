// An invoice's status in words for its badge; the tone only repeats what the words say.
import { statusWords, type BadgeTone, type StatusBadge } from "./status-words";

const KNOWN: Record<string, { label: string; tone: BadgeTone }> = {
  paid: { label: "Paid", tone: "success" },
  open: { label: "Open", tone: "warning" },
  draft: { label: "Draft", tone: "neutral" },
  void: { label: "Void", tone: "neutral" },
  uncollectible: { label: "Uncollectible", tone: "danger" },
};

export function invoiceBadge(status: string): StatusBadge {
  return KNOWN[status] ?? { label: statusWords(status), tone: "neutral" };
}
