import "server-only";
// The Direct Debit list's words (lib/shared/i18n/direct-debit-words.ts) in the request's language.
import { getTranslations } from "next-intl/server";
import type { DirectDebitWords } from "@/lib/shared/i18n/direct-debit-words";
import { slot } from "@/lib/shared/i18n/slots";

export async function directDebitWords(translations: typeof getTranslations = getTranslations): Promise<DirectDebitWords> {
  const t = await translations("DirectDebit");
  const status = (value: keyof DirectDebitWords["status"]) => t("status", { status: value, words: "" });
  return {
    emptyTitle: t("emptyTitle"),
    emptyBody: t("emptyBody"),
    listLabel: t("listLabel"),
    bankAccount: t("bankAccount"),
    status: {
      active: status("active"),
      settingUp: status("settingUp"),
      suspended: status("suspended"),
      failed: status("failed"),
      expired: status("expired"),
      cancelled: status("cancelled"),
      unknown: status("unknown"),
    },
    otherStatus: t("status", { status: "other", words: slot("words") }),
    accountHolder: t("accountHolder"),
    accountNumber: t("accountNumber"),
    bank: t("bank"),
    reference: t("reference"),
    nextCollection: t("nextCollection"),
    noneScheduled: t("noneScheduled"),
    changeBank: t("changeBank"),
    cancelSummary: t("cancelSummary"),
    cancelFormLabel: t("cancelFormLabel"),
    cancelConsequence: t("cancelConsequence"),
    reasonLabel: t("reasonLabel"),
    confirmCancel: t("confirmCancel"),
    cancelling: t("cancelling"),
    keep: t("keep"),
    cancellingAnnouncement: t("cancellingAnnouncement"),
    cancelled: t("cancelled"),
    cancelFailed: t("cancelFailed", { message: slot("message") }),
  };
}
