// What a Direct Debit mandate's state means to the customer: which words its status takes (the
// `DirectDebit.status` message), and which of the portal's two actions it can take now. RevKeen decides in the end; these only keep the page
// from offering what RevKeen would refuse.
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";
import { statusWords, type BadgeTone } from "./status-words";

type MandateStatus = Pick<PortalMandate, "status">;

/** The values of `DirectDebit.status`: a status it names, `unknown` for none at all, or `other` with the raw status in words. */
export type MandateBadge = { status: "active" | "settingUp" | "suspended" | "failed" | "expired" | "cancelled" | "unknown" | "other"; words: string; tone: BadgeTone };

const KNOWN: Record<string, Pick<MandateBadge, "status" | "tone">> = {
  active: { status: "active", tone: "success" },
  pending: { status: "settingUp", tone: "info" },
  pending_submission: { status: "settingUp", tone: "info" },
  pending_lodgement: { status: "settingUp", tone: "info" },
  submitted: { status: "settingUp", tone: "info" },
  suspended: { status: "suspended", tone: "warning" },
  failed: { status: "failed", tone: "danger" },
  expired: { status: "expired", tone: "neutral" },
  cancelled: { status: "cancelled", tone: "neutral" },
};

const ENDED = new Set(["cancelled", "failed", "expired"]);

export function mandateBadge(mandate: MandateStatus): MandateBadge {
  const words = statusWords(mandate.status);
  return { status: words === null ? "unknown" : "other", tone: "neutral", ...KNOWN[mandate.status], words: words ?? "" };
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

/**
 * "Barclays •••• 4321": how the customer knows one account from another. `bankAccount` is what
 * stands for a bank RevKeen does not name (`DirectDebit.bankAccount`, "Bank account").
 */
export function mandateTitle(mandate: Pick<PortalMandate, "bank_name" | "account_number_last4">, bankAccount: string): string {
  return [mandate.bank_name ?? bankAccount, maskedAccount(mandate)].filter(Boolean).join(" ");
}
