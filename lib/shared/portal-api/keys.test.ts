import { describe, expect, it } from "vitest";
import { holdsSubscriptions, listSearch, portalKeys } from "./keys";

const id = "0b8f0c1e-7c55-4d0a-9d2e-6a1f3c2b9e10";

describe("portalKeys", () => {
  it("gives one key per query whatever order the fields were written in", () => {
    expect(portalKeys.invoices({ starting_after: id, limit: 20 })).toBe(`/api/portal/invoices?limit=20&starting_after=${id}`);
    expect(portalKeys.invoices({ limit: 20, starting_after: id })).toBe(`/api/portal/invoices?limit=20&starting_after=${id}`);
  });

  it("leaves the query out when there is none", () => {
    expect(portalKeys.invoices({})).toBe("/api/portal/invoices");
    expect(listSearch({ ending_before: id })).toBe(`ending_before=${id}`);
  });

  it("names single resources by id", () => {
    expect(portalKeys.subscription(id)).toBe(`/api/portal/subscriptions/${id}`);
    expect(portalKeys.invoice(id)).toBe(`/api/portal/invoices/${id}`);
  });

  it("asks for every subscription in one call", () => {
    expect(portalKeys.subscriptions()).toBe("/api/portal/subscriptions?limit=100");
  });
});

describe("holdsSubscriptions", () => {
  it("matches the subscription keys only", () => {
    expect(holdsSubscriptions(portalKeys.subscriptions())).toBe(true);
    expect(holdsSubscriptions(portalKeys.subscription(id))).toBe(true);
    expect(holdsSubscriptions(portalKeys.invoices({}))).toBe(false);
    expect(holdsSubscriptions(["/api/portal/subscriptions"])).toBe(false);
  });
});
