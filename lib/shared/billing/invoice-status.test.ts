import { describe, expect, it } from "vitest";
import { invoiceBadge } from "./invoice-status";

describe("invoiceBadge", () => {
  it("names every documented status", () => {
    expect(invoiceBadge("paid")).toEqual({ label: "Paid", tone: "success" });
    expect(invoiceBadge("open").label).toBe("Open");
    expect(invoiceBadge("void").label).toBe("Void");
    expect(invoiceBadge("uncollectible").label).toBe("Uncollectible");
  });

  it("shows an unknown status as words", () => {
    expect(invoiceBadge("partially_paid")).toEqual({ label: "Partially paid", tone: "neutral" });
  });
});
