import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { invoiceBadge } from "./invoice-status";

const words = (status: string) => {
  const badge = invoiceBadge(status);
  return badge.key === null ? badge.words : en.Invoices.status[badge.key];
};

describe("invoiceBadge", () => {
  it("names every documented status, with a tone that repeats it", () => {
    expect(invoiceBadge("paid")).toEqual({ key: "paid", tone: "success" });
    expect(invoiceBadge("uncollectible")).toEqual({ key: "uncollectible", tone: "danger" });
    expect(["paid", "open", "draft", "void", "uncollectible"].map(words)).toEqual(["Paid", "Open", "Draft", "Void", "Uncollectible"]);
  });

  it("shows an unknown status as words", () => {
    expect(invoiceBadge("partially_paid")).toEqual({ key: null, words: "Partially paid", tone: "neutral" });
  });

  it("does not take an inherited name for a status", () => {
    expect(invoiceBadge("constructor").key).toBeNull();
  });
});
