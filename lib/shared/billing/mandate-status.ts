// What a Direct Debit mandate's state means to the customer: its status in words, and which of
// the portal's two actions it can take now. RevKeen decides in the end; these only keep the page
// from offering what RevKeen would refuse.
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";
import { statusWords, type StatusBadge } from "./status-words";

type MandateStatus = Pick<PortalMandate, "status">;

const KNOWN: Record<string, StatusBadge> = {
  active: { label: "Active", tone: "success" },
  pending: { label: "Being set up", tone: "info" },
  pending_submission: { label: "Being set up", tone: "info" },
  pending_lodgement: { label: "Being set up", tone: "info" },
  submitted: { label: "Being set up", tone: "info" },
  suspended: { label: "Suspended", tone: "warning" },
  failed: { label: "Failed", tone: "danger" },
  expired: { label: "Expired", tone: "neutral" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

const ENDED = new Set(["cancelled", "failed", "expired"]);

export function mandateBadge(mandate: MandateStatus): StatusBadge {
  return KNOWN[mandate.status] ?? { label: statusWords(mandate.status), tone: "neutral" };
}

/** A Direct Debit that can still collect, or soon will: the ones a customer can cancel. */
export function isCancellableMandate(mandate: MandateStatus): boolean {
  return !ENDED.has(mandate.status);
}

/** New bank details are taken only by an active mandate: a pending one is still being confirmed. */
export function isAmendableMandate(mandate: MandateStatus): boolean {
  return mandate.status === "active";
}

/** "•••• 1234": the only part of an account number the portal ever has. */
export function maskedAccount(mandate: Pick<PortalMandate, "account_number_last4">): string | null {
  return mandate.account_number_last4 ? `•••• ${mandate.account_number_last4}` : null;
}

/** "Barclays •••• 4321": how the customer knows one account from another. */
export function mandateTitle(mandate: Pick<PortalMandate, "bank_name" | "account_number_last4">): string {
  return [mandate.bank_name ?? "Bank account", maskedAccount(mandate)].filter(Boolean).join(" ");
}
