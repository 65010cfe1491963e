import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { isCurrentSubscription, isScheduledToCancel, statusWords, subscriptionBadges, subscriptionEnd, type SubscriptionBadge } from "./subscription-status";

const base: { status: string; cancel_at: string | null; canceled_at: string | null } = { status: "active", cancel_at: null, canceled_at: null };

const t = createTranslator({ locale: "en", messages: en, namespace: "Subscriptions" });
const say = (badge: SubscriptionBadge) => ({ label: badge.key === "status" ? t(badge.key, badge.values) : t(badge.key, badge.values), tone: badge.tone });
const labels = (subscription: typeof base) => subscriptionBadges(subscription, "en-GB").map((badge) => say(badge).label);

describe("subscriptionBadges", () => {
  it("names each known status in words", () => {
    expect(subscriptionBadges(base, "en-GB")).toEqual([{ key: "status", values: { status: "active", words: "" }, tone: "success" }]);
    expect(labels(base)).toEqual(["Active"]);
    expect(labels({ ...base, status: "trialing" })).toEqual(["Trialing"]);
    expect(subscriptionBadges({ ...base, status: "past_due" }, "en-GB").map(say)).toEqual([{ label: "Past due", tone: "danger" }]);
    expect(labels({ ...base, status: "canceled" })).toEqual(["Canceled"]);
  });

  it("says when a scheduled cancellation takes effect, beside the status", () => {
    const scheduled = { ...base, cancel_at: "2027-03-14T09:00:00.000Z" };
    expect(subscriptionBadges(scheduled, "en-GB").map(say)).toEqual([
      { label: "Active", tone: "success" },
      { label: "Cancels on 14 March 2027", tone: "warning" },
    ]);
  });

  it("calls a canceled subscription canceled even though cancel_at is set", () => {
    expect(labels({ status: "canceled", cancel_at: "2026-01-01T00:00:00Z", canceled_at: "2026-01-01T00:00:00Z" })).toEqual(["Canceled"]);
  });

  it("shows an unknown status as words", () => {
    expect(subscriptionBadges({ ...base, status: "incomplete_expired" }, "en-GB").map(say)).toEqual([{ label: "Incomplete expired", tone: "neutral" }]);
    expect(labels({ ...base, status: "" })).toEqual(["Unknown"]);
    expect(statusWords("")).toBeNull();
  });

  it("are said in the customer's language, with the date in their locale", () => {
    const japanese = createTranslator({ locale: "ja", messages: ja, namespace: "Subscriptions" });
    const badges = subscriptionBadges({ ...base, cancel_at: "2027-03-14T09:00:00.000Z" }, "ja-JP");
    expect(badges.map((badge) => (badge.key === "status" ? japanese(badge.key, badge.values) : japanese(badge.key, badge.values)))).toEqual(["有効", "2027年3月14日に解約予定"]);
  });
});

describe("subscriptionEnd", () => {
  it("says nothing while the subscription renews", () => {
    expect(subscriptionEnd(base, "en-GB")).toBeNull();
  });

  it("gives the future end of a scheduled cancellation", () => {
    expect(subscriptionEnd({ ...base, cancel_at: "2027-03-14T00:00:00Z" }, "en-GB")).toEqual({ label: "endsOn", date: "14 March 2027" });
  });

  it("gives the day a canceled subscription ended", () => {
    const over = { status: "canceled", cancel_at: "2026-01-02T00:00:00Z", canceled_at: "2026-01-01T00:00:00Z" };
    expect(subscriptionEnd(over, "en-GB")).toEqual({ label: "endedOn", date: "1 January 2026" });
  });
});

describe("isCurrentSubscription and isScheduledToCancel", () => {
  it("treat everything but canceled as current", () => {
    expect(isCurrentSubscription({ status: "past_due" })).toBe(true);
    expect(isCurrentSubscription({ status: "canceled" })).toBe(false);
  });

  it("spot a cancellation that is scheduled but not yet over", () => {
    expect(isScheduledToCancel({ ...base, cancel_at: "2027-03-14T00:00:00Z" })).toBe(true);
    expect(isScheduledToCancel(base)).toBe(false);
    expect(isScheduledToCancel({ ...base, status: "canceled", cancel_at: "2026-01-01T00:00:00Z" })).toBe(false);
  });
});
