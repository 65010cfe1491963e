import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { invoiceBadge } from "./invoice-status";

const t = createTranslator({ locale: "en", messages: en, namespace: "Invoices" });
const words = (status: string) => {
  const badge = invoiceBadge(status);
  return t(`status.${badge.key}`, badge.values);
};

describe("invoiceBadge", () => {
  it("names every documented status, with a tone that repeats it", () => {
    expect(invoiceBadge("paid")).toEqual({ key: "paid", tone: "success" });
    expect(invoiceBadge("uncollectible")).toEqual({ key: "uncollectible", tone: "danger" });
    expect(["paid", "open", "draft", "void", "uncollectible"].map(words)).toEqual(["Paid", "Open", "Draft", "Void", "Uncollectible"]);
  });

  it("shows an unknown status as words", () => {
    expect(invoiceBadge("partially_paid")).toEqual({ key: "other", values: { status: "Partially paid" }, tone: "neutral" });
    expect(words("partially_paid")).toBe("Partially paid");
  });

  it("does not take an inherited name for a status", () => {
    expect(invoiceBadge("constructor").key).toBe("other");
  });
});
