import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import ja from "@/messages/ja.json";
import { dunningLine, dunningMessage, type DunningMessage } from "./dunning-message";
import type { DunningSummary } from "./plan-details";

const retrying: DunningSummary = { retriesMade: 2, retriesLeft: 2, nextRetryAt: "2026-12-09T10:00:00Z", accessRestricted: false };

const english = createTranslator({ locale: "en", messages: en, namespace: "Dunning" });

function said(message: DunningMessage, t = english) {
  return { headline: t(message.headline.key), nextTry: message.nextTry === null ? null : t(message.nextTry.key, message.nextTry.values as never), access: t(message.access.key) };
}

const line = (dunning: DunningSummary, locale: string) => {
  const { key, values } = dunningLine(dunning, locale);
  return english(key, values);
};

describe("the dunning message", () => {
  it("says the payment failed, when the next try is in the customer's locale, and how many are left", () => {
    expect(dunningMessage(retrying, "en-GB")).toEqual({
      headline: { key: "headline" },
      nextTry: { key: "retryOnWithCount", values: { date: "9 December 2026", count: 2 } },
      access: { key: "notRestricted" },
    });
    expect(said(dunningMessage(retrying, "en-GB"))).toEqual({
      headline: "Your last payment for this plan failed.",
      nextTry: "We'll try again on 9 December 2026 (2 tries left).",
      access: "You still have access while it is being paid.",
    });
    expect(said(dunningMessage({ ...retrying, retriesLeft: 1 }, "en-GB")).nextTry).toBe("We'll try again on 9 December 2026 (1 try left).");
  });

  it("is said in the customer's language, with the plural forms of that language", () => {
    const japanese = createTranslator({ locale: "ja", messages: ja, namespace: "Dunning" });
    const french = createTranslator({ locale: "fr", messages: fr, namespace: "Dunning" });
    expect(said(dunningMessage({ ...retrying, retriesLeft: 1 }, "ja-JP"), japanese).nextTry).toBe("2026年12月9日に再度お支払いを試みます（残り1回）。");
    expect(said(dunningMessage({ ...retrying, retriesLeft: 1 }, "fr-FR"), french).nextTry).toBe("Nous réessaierons le 9 décembre 2026 (encore 1 tentative).");
    expect(said(dunningMessage(retrying, "fr-FR"), french).nextTry).toBe("Nous réessaierons le 9 décembre 2026 (encore 2 tentatives).");
  });

  it("says when access is already restricted", () => {
    expect(said(dunningMessage({ ...retrying, accessRestricted: true }, "en-GB")).access).toBe("Your access is restricted until it is paid.");
  });

  it("says when no automatic tries are left, whatever date is given", () => {
    expect(said(dunningMessage({ ...retrying, retriesLeft: 0 }, "en-GB")).nextTry).toBe("There are no automatic tries left: pay now to keep your plan.");
  });

  it("says what it knows when RevKeen leaves out the date or the count", () => {
    expect(said(dunningMessage({ ...retrying, retriesLeft: null }, "en-US")).nextTry).toBe("We'll try again on December 9, 2026.");
    expect(said(dunningMessage({ ...retrying, nextRetryAt: null, retriesLeft: 3 }, "en-US")).nextTry).toBe("We'll try again (3 tries left).");
    expect(dunningMessage({ ...retrying, nextRetryAt: null, retriesLeft: null }, "en-US").nextTry).toBeNull();
  });

  it("fits on one line on a plan's card", () => {
    expect(line(retrying, "en-GB")).toBe("Payment failed. Next try on 9 December 2026.");
    expect(line({ ...retrying, accessRestricted: true, retriesLeft: 0 }, "en-GB")).toBe("Payment failed. No tries left. Access restricted.");
    expect(line({ ...retrying, nextRetryAt: null }, "en-GB")).toBe("Payment failed.");
  });
});
