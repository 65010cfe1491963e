import { describe, expect, it } from "vitest";
import { merchantSubscriptionListSchema, merchantSubscriptionSchema } from "./merchant-subscriptions";

const ids = { subscription: "5f0c7a52-3f0e-4d7e-9f43-7a1f7c2b9e10", customer: "0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d", product: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f" };

const sdkShaped = {
  id: ids.subscription,
  merchant_id: ids.customer,
  customer_id: ids.customer,
  product_id: ids.product,
  price_id: null,
  plan_id: null,
  status: "past_due",
  quantity: 1,
  amount_minor: 3000,
  currency: "GBP",
  billing_interval: "month",
  current_period_start: "2026-11-01T00:00:00Z",
  current_period_end: "2026-12-01T00:00:00Z",
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-11-20T00:00:00Z",
  metadata: { internal_note: "merchant only" },
  dunning: {
    is_in_dunning: true,
    phase: 2,
    phase_label: "Retrying",
    phase_severity: "warning",
    retry_count: 2,
    total_possible_retries: 4,
    next_retry_at: "2026-11-23T00:00:00Z",
    days_in_dunning: 5,
    access_restricted: false,
  },
};

describe("the merchant's subscription", () => {
  it("reads the product and the dunning summary and drops what the portal never uses", () => {
    const parsed = merchantSubscriptionSchema.parse(sdkShaped);
    expect(parsed.product_id).toBe(ids.product);
    expect(parsed.dunning).toEqual({
      is_in_dunning: true,
      phase_severity: "warning",
      retry_count: 2,
      total_possible_retries: 4,
      next_retry_at: "2026-11-23T00:00:00Z",
      days_in_dunning: 5,
      access_restricted: false,
    });
    expect(parsed).not.toHaveProperty("metadata");
    expect(parsed).not.toHaveProperty("merchant_id");
  });

  it("accepts a subscription with no product and no dunning block", () => {
    const { product_id: _product, dunning: _dunning, ...bare } = sdkShaped;
    const parsed = merchantSubscriptionSchema.parse(bare);
    expect(parsed.product_id).toBeUndefined();
    expect(parsed.dunning).toBeUndefined();
    expect(merchantSubscriptionSchema.parse({ ...sdkShaped, product_id: null, dunning: null }).dunning).toBeNull();
  });

  it("survives a severity it does not know", () => {
    expect(merchantSubscriptionSchema.parse({ ...sdkShaped, dunning: { ...sdkShaped.dunning, phase_severity: "dire" } }).dunning?.phase_severity).toBeNull();
  });

  it("refuses an id that is not a UUID", () => {
    expect(merchantSubscriptionSchema.safeParse({ ...sdkShaped, customer_id: "cus_1" }).success).toBe(false);
  });

  it("reads the page-paged list", () => {
    const list = merchantSubscriptionListSchema.parse({ data: [sdkShaped], pagination: { page: 1, limit: 100, total: 1, totalPages: 1 } });
    expect(list.data.map((subscription) => subscription.id)).toEqual([ids.subscription]);
    expect(merchantSubscriptionListSchema.safeParse({ data: [sdkShaped] }).success).toBe(false);
  });
});
