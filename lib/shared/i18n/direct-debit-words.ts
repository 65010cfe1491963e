// The Direct Debit list's words, translated by the server (lib/server/i18n/direct-debit-words.ts)
// and read by its client components as plain strings: no message formatter in the page's scripts.
import type { MandateBadge } from "@/lib/shared/billing/mandate-status";

type KnownMandateStatus = Exclude<MandateBadge["status"], "other">;

export type DirectDebitWords = {
  emptyTitle: string;
  emptyBody: string;
  listLabel: string;
  bankAccount: string;
  status: Record<KnownMandateStatus, string>;
  /** A status RevKeen has that the portal does not name, with a slot for its `words`. */
  otherStatus: string;
  accountHolder: string;
  accountNumber: string;
  bank: string;
  reference: string;
  nextCollection: string;
  noneScheduled: string;
  changeBank: string;
  cancelSummary: string;
  cancelFormLabel: string;
  cancelConsequence: string;
  reasonLabel: string;
  confirmCancel: string;
  cancelling: string;
  keep: string;
  cancellingAnnouncement: string;
  cancelled: string;
  /** With a slot for the refusal's `message`. */
  cancelFailed: string;
};
