import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import ja from "@/messages/ja.json";
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

  it("calls an empty status unknown, in each of the page's languages", () => {
    expect(invoiceBadge(" ")).toEqual({ key: "unknown", tone: "neutral" });
    expect(words("")).toBe("Unknown");
    expect([fr, de, es, ja].map((messages) => messages.Invoices.status.unknown)).toEqual(["Inconnue", "Unbekannt", "Desconocida", "不明"]);
  });

  it("does not take an inherited name for a status", () => {
    expect(invoiceBadge("constructor").key).toBeNull();
  });
});
