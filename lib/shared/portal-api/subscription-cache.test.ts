import { describe, expect, it } from "vitest";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { withSubscription } from "./subscription-cache";

const subscription = (id: string, status = "active"): PortalSubscription => ({
  id,
  object: "subscription",
  status,
  currency: "GBP",
  amount_minor: 1200,
  interval: "month",
  interval_count: 1,
  current_period_start: null,
  current_period_end: null,
  trial_end: null,
  cancel_at: null,
  canceled_at: null,
  started_at: null,
  created_at: "2026-01-01T00:00:00Z",
});

describe("withSubscription", () => {
  it("replaces the matching item of a list and keeps the rest", () => {
    const list = { object: "list" as const, data: [subscription("a"), subscription("b")], has_more: false };
    const updated = withSubscription(list, subscription("b", "canceled"));
    expect(updated?.data.map((item) => item.status)).toEqual(["active", "canceled"]);
  });

  it("replaces a single subscription with the same id only", () => {
    expect(withSubscription({ data: subscription("a") }, subscription("a", "canceled"))?.data.status).toBe("canceled");
    expect(withSubscription({ data: subscription("a") }, subscription("b", "canceled"))?.data.status).toBe("active");
  });

  it("leaves an empty cache entry empty", () => {
    expect(withSubscription(undefined, subscription("a"))).toBeUndefined();
  });
});
