import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { cancelConsequence, cancelDone, cancelledCopy } from "./cancel-outcome";

const t = createTranslator({ locale: "en", messages: en, namespace: "CancelPlan" });
const say = (sentence: { key: "staysActive" | "endsNow" | "canceled" | "recorded" | "endsOn"; values?: { date: string } }) =>
  sentence.values ? t(sentence.key as "staysActive" | "endsOn", sentence.values) : t(sentence.key as "endsNow" | "canceled" | "recorded");

const active = { status: "active", current_period_end: "2027-03-14T09:00:00.000Z", cancel_at: null, canceled_at: null };
const now = new Date("2027-02-20T12:00:00.000Z");

describe("cancelConsequence", () => {
  it("says how long the plan stays when it ends with the period", () => {
    expect(cancelConsequence(active, true, "en-GB")).toEqual({ key: "staysActive", values: { date: "14 March 2027" } });
    expect(say(cancelConsequence(active, true, "en-GB"))).toBe("Your plan stays active until 14 March 2027. You won't be charged again.");
  });

  it("says the plan ends now when cancelled now", () => {
    expect(say(cancelConsequence(active, false, "en-GB"))).toBe("Your plan ends now. You won't be charged again.");
  });

  it("says now when there is no period end to wait for", () => {
    expect(cancelConsequence({ ...active, current_period_end: null }, true, "en-GB")).toEqual({ key: "endsNow" });
  });
});

describe("cancelDone", () => {
  it("says the plan is canceled, when it ends, or that the cancellation is recorded", () => {
    expect(say(cancelDone({ status: "canceled", cancel_at: "2027-02-20T12:00:00.000Z" }, "en-GB"))).toBe("Your subscription has been canceled.");
    expect(say(cancelDone({ status: "active", cancel_at: "2027-03-14T09:00:00.000Z" }, "en-GB"))).toBe("Your subscription will end on 14 March 2027.");
    expect(say(cancelDone({ status: "active", cancel_at: "2027-03-14T09:00:00.000Z" }, "ja-JP"))).toBe("Your subscription will end on 2027年3月14日.");
    expect(say(cancelDone({ status: "active", cancel_at: null }, "en-GB"))).toBe("Your cancellation has been recorded.");
  });
});

describe("cancelledCopy", () => {
  it("schedules the end at the period end and keeps the status", () => {
    expect(cancelledCopy(active, { cancel_at_period_end: true }, now)).toEqual({ ...active, cancel_at: active.current_period_end });
    expect(cancelledCopy(active, {}, now).cancel_at).toBe(active.current_period_end);
  });

  it("cancels at once when asked to", () => {
    expect(cancelledCopy(active, { cancel_at_period_end: false }, now)).toEqual({
      ...active,
      status: "canceled",
      canceled_at: now.toISOString(),
      cancel_at: now.toISOString(),
    });
  });

  it("leaves a canceled subscription alone", () => {
    const over = { ...active, status: "canceled", canceled_at: "2027-01-01T00:00:00.000Z" };
    expect(cancelledCopy(over, { cancel_at_period_end: false }, now)).toBe(over);
  });
});
