import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import ja from "@/messages/ja.json";
import type { PaymentMethod } from "@/lib/shared/revkeen-api/payment-methods";
import { chargeableCard } from "./chargeable-card";

const visa: PaymentMethod = {
  id: "pm_visa",
  type: "card",
  status: "active",
  is_default: true,
  card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2026 },
};
const mastercard: PaymentMethod = { ...visa, id: "pm_mc", is_default: false, card: { brand: "mastercard", last4: "4444", exp_month: 1, exp_year: 2020 } };
const DECEMBER_2026 = new Date("2026-12-06T10:00:00Z");

describe("the card an upgrade is charged to", () => {
  it("is the default card, named by brand and last four", () => {
    expect(chargeableCard([mastercard, visa], DECEMBER_2026)).toEqual({ id: "pm_visa", brand: "Visa", last4: "4242", expMonth: 12, expYear: 2026 });
  });

  it("has no brand name when RevKeen gives none, and the charge line calls it a card in each of the page's languages", () => {
    const card = chargeableCard([{ ...visa, card: { ...visa.card, brand: null } } as PaymentMethod], DECEMBER_2026);
    expect(card).toEqual({ id: "pm_visa", brand: null, last4: "4242", expMonth: 12, expYear: 2026 });
    const line = (messages: typeof en, locale: "en" | "fr" | "de" | "es" | "ja") => {
      const t = createTranslator({ locale, messages, namespace: "Upgrade" });
      return t("chargeFirst", { brand: card?.brand ?? t("card"), last4: "4242" });
    };
    expect(line(en, "en")).toBe("The first payment will be charged today to your card ending in 4242.");
    expect(line(fr, "fr")).toContain("votre carte se terminant par 4242");
    expect(line(de, "de")).toContain("Ihrer Karte mit der Endung 4242");
    expect(line(es, "es")).toContain("tu tarjeta terminada en 4242");
    expect(line(ja, "ja")).toContain("末尾 4242 の カード");
  });

  it("works until the end of its expiry month, and not after", () => {
    expect(chargeableCard([visa], new Date("2026-12-31T23:59:59Z"))).not.toBeNull();
    expect(chargeableCard([visa], new Date("2027-01-01T00:00:00Z"))).toBeNull();
  });

  it("is none when the default is expired, inactive, not a card, or missing", () => {
    expect(chargeableCard([{ ...mastercard, is_default: true }], DECEMBER_2026)).toBeNull();
    expect(chargeableCard([{ ...visa, status: "inactive" }], DECEMBER_2026)).toBeNull();
    expect(chargeableCard([{ ...visa, type: "bacs_direct_debit", card: null }], DECEMBER_2026)).toBeNull();
    expect(chargeableCard([{ ...visa, is_default: false }], DECEMBER_2026)).toBeNull();
    expect(chargeableCard([], DECEMBER_2026)).toBeNull();
  });

  it("is none when the card's last four or expiry is unknown", () => {
    expect(chargeableCard([{ ...visa, card: { brand: "visa", last4: null, exp_month: 12, exp_year: 2026 } }], DECEMBER_2026)).toBeNull();
    expect(chargeableCard([{ ...visa, card: { brand: "visa", last4: "4242", exp_month: null, exp_year: 2026 } }], DECEMBER_2026)).toBeNull();
  });
});
