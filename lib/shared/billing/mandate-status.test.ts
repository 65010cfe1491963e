import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import ja from "@/messages/ja.json";
import { isAmendableMandate, isCancellableMandate, mandateBadge, mandateTitle, maskedAccount } from "./mandate-status";

describe("a mandate's status for the customer", () => {
  const english = createTranslator({ locale: "en", messages: en, namespace: "DirectDebit" });
  const label = (status: string, t = english) => t("status", mandateBadge({ status }));

  it("is said in words, an unknown one included", () => {
    expect(mandateBadge({ status: "active" })).toEqual({ status: "active", words: "Active", tone: "success" });
    expect(label("active")).toBe("Active");
    expect(label("pending_lodgement")).toBe("Being set up");
    expect(label("cancelled")).toBe("Cancelled");
    expect(mandateBadge({ status: "awaiting_bank_review" })).toEqual({ status: "other", words: "Awaiting bank review", tone: "neutral" });
    expect(label("awaiting_bank_review")).toBe("Awaiting bank review");
  });

  it("is said in the page's language", () => {
    const japanese = createTranslator({ locale: "ja", messages: ja, namespace: "DirectDebit" });
    expect(label("submitted", japanese)).toBe("手続き中");
    expect(label("cancelled", japanese)).toBe("解約済み");
  });

  it("calls an empty status unknown, in each of the page's languages", () => {
    expect(mandateBadge({ status: "" })).toEqual({ status: "unknown", words: "", tone: "neutral" });
    const unknownIn = (messages: typeof en, locale: "en" | "fr" | "de" | "es" | "ja") => label("", createTranslator({ locale, messages, namespace: "DirectDebit" }));
    expect([unknownIn(en, "en"), unknownIn(fr, "fr"), unknownIn(de, "de"), unknownIn(es, "es"), unknownIn(ja, "ja")]).toEqual(["Unknown", "Inconnu", "Unbekannt", "Desconocido", "不明"]);
  });

  it("offers a cancel until it has ended, and a change of bank only while active", () => {
    expect(["active", "pending", "suspended"].map((status) => isCancellableMandate({ status }))).toEqual([true, true, true]);
    expect(["cancelled", "failed", "expired"].map((status) => isCancellableMandate({ status }))).toEqual([false, false, false]);
    expect(["active", "pending", "cancelled"].map((status) => isAmendableMandate({ status }))).toEqual([true, false, false]);
  });

  it("shows the account as its last four digits only", () => {
    expect(maskedAccount({ account_number_last4: "4321" })).toBe("•••• 4321");
    expect(maskedAccount({ account_number_last4: null })).toBeNull();
  });

  it("is named by its bank and last four digits, with a fallback for either", () => {
    expect(mandateTitle({ bank_name: "Barclays", account_number_last4: "4321" }, "Bank account")).toBe("Barclays •••• 4321");
    expect(mandateTitle({ bank_name: null, account_number_last4: "4321" }, "Bank account")).toBe("Bank account •••• 4321");
    expect(mandateTitle({ bank_name: "Barclays", account_number_last4: null }, "Bank account")).toBe("Barclays");
  });
});
