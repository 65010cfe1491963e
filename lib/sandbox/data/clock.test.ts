import { describe, expect, it } from "vitest";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { addInterval, addMonths } from "./calendar";
import type { Sandbox } from "../entry/sandbox";
import { ADA_LOVELACE_ID, createSeed, EMILIE_DU_CHATELET_ID } from "./seed";
import { settleSubscription } from "./settle";
import { control, dataOf, DAY_MS, errorOf, mintToken, portal, setup, START } from "../entry/test-support";

const seed = createSeed(START);
function seeded(customerId: string, predicate: (subscription: PortalSubscription) => boolean): PortalSubscription {
  const found = seed.subscriptions.find((record) => record.customerId === customerId && predicate(record.subscription));
  if (!found) throw new Error("no such seed subscription");
  return found.subscription;
}
const pro = seeded(ADA_LOVELACE_ID, (s) => s.status === "active" && s.currency === "GBP" && s.cancel_at === null);
const quarterly = seeded(ADA_LOVELACE_ID, (s) => s.currency === "EUR");
const trial = seeded(ADA_LOVELACE_ID, (s) => s.status === "trialing");
const pastDue = seeded(ADA_LOVELACE_ID, (s) => s.status === "past_due");
const scheduled = seeded(ADA_LOVELACE_ID, (s) => s.status === "active" && s.cancel_at !== null);
const canceled = seeded(ADA_LOVELACE_ID, (s) => s.status === "canceled");
const yearly = seeded(EMILIE_DU_CHATELET_ID, () => true);

const ms = (iso: string | null) => Date.parse(iso ?? "");
const iso = (value: number) => new Date(value).toISOString();

async function advanceDays(sandbox: Sandbox, days: number): Promise<void> {
  const response = await control(sandbox, "POST", "/clock", { advance_seconds: days * 86_400 });
  expect(response.status).toBe(200);
}

async function subscription(sandbox: Sandbox, customerId: string, id: string): Promise<PortalSubscription> {
  return dataOf<PortalSubscription>(await portal(sandbox, await mintToken(sandbox, customerId), `/subscriptions/${id}`));
}

describe("the sandbox clock", () => {
  it("starts at the injected clock's time", async () => {
    const { sandbox } = setup();
    expect(await dataOf(await control(sandbox, "GET", "/clock"))).toEqual({ now: iso(START), offset_seconds: 0 });
    expect(sandbox.now()).toBe(START);
  });

  it("follows the injected clock and adds the advance to it", async () => {
    const { sandbox, clock } = setup();
    clock.advance(5_000);
    const advanced = await dataOf<{ now: string }>(await control(sandbox, "POST", "/clock", { advance_seconds: 3600 }));
    expect(advanced.now).toBe(iso(START + 5_000 + 3_600_000));
    expect(sandbox.now()).toBe(START + 5_000 + 3_600_000);
  });

  it.each([0, -5, 10 * 366 * 86_400 + 1, "60", null])("refuses advance_seconds %j with 400", async (value) => {
    const { sandbox } = setup();
    const response = await control(sandbox, "POST", "/clock", { advance_seconds: value });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain("advance_seconds");
    expect(sandbox.now()).toBe(START);
  });

  it("refuses a clock advance without a body", async () => {
    const { sandbox } = setup();
    expect((await control(sandbox, "POST", "/clock")).status).toBe(400);
  });

  it("accepts ten years", async () => {
    const { sandbox } = setup();
    expect((await control(sandbox, "POST", "/clock", { advance_seconds: 10 * 365 * 86_400 })).status).toBe(200);
  });
});

describe("settling subscriptions as time passes", () => {
  it("rolls an active monthly subscription into its next period", async () => {
    const { sandbox } = setup();
    await advanceDays(sandbox, 25);
    const after = await subscription(sandbox, ADA_LOVELACE_ID, pro.id);
    expect(after.status).toBe("active");
    expect(after.current_period_start).toBe(pro.current_period_end);
    expect(after.current_period_end).toBe(iso(addMonths(ms(pro.current_period_end), 1)));
  });

  it("rolls a quarterly subscription by three months", async () => {
    const { sandbox } = setup();
    await advanceDays(sandbox, 100);
    const after = await subscription(sandbox, ADA_LOVELACE_ID, quarterly.id);
    expect(after.current_period_start).toBe(quarterly.current_period_end);
    expect(after.current_period_end).toBe(iso(addMonths(ms(quarterly.current_period_end), 3)));
  });

  it("rolls a yearly subscription by a year", async () => {
    const { sandbox } = setup();
    await advanceDays(sandbox, 366);
    const after = await subscription(sandbox, EMILIE_DU_CHATELET_ID, yearly.id);
    expect(after.current_period_start).toBe(yearly.current_period_end);
    expect(after.current_period_end).toBe(iso(addMonths(ms(yearly.current_period_end), 12)));
  });

  it("rolls as many periods as have passed, so now is inside the current one", async () => {
    const { sandbox } = setup();
    await advanceDays(sandbox, 3 * 365);
    const after = await subscription(sandbox, ADA_LOVELACE_ID, pro.id);
    expect(ms(after.current_period_start)).toBeLessThanOrEqual(sandbox.now());
    expect(ms(after.current_period_end)).toBeGreaterThan(sandbox.now());
  });

  it("keeps a past_due subscription past_due while rolling its period", async () => {
    const { sandbox } = setup();
    await advanceDays(sandbox, 31);
    const after = await subscription(sandbox, ADA_LOVELACE_ID, pastDue.id);
    expect(after.status).toBe("past_due");
    expect(after.current_period_start).toBe(pastDue.current_period_end);
  });

  it("makes a trial whose trial_end passed active, starting its first paid period", async () => {
    const { sandbox } = setup();
    await advanceDays(sandbox, 10);
    const after = await subscription(sandbox, ADA_LOVELACE_ID, trial.id);
    expect(after.status).toBe("active");
    expect(after.trial_end).toBe(trial.trial_end);
    expect(after.current_period_start).toBe(trial.trial_end);
    expect(after.current_period_end).toBe(iso(addMonths(ms(trial.trial_end), 1)));
  });

  it("cancels a subscription whose cancel_at has passed, with canceled_at = cancel_at", async () => {
    const { sandbox } = setup();
    await advanceDays(sandbox, 40);
    const after = await subscription(sandbox, ADA_LOVELACE_ID, scheduled.id);
    expect(after).toMatchObject({ status: "canceled", canceled_at: scheduled.cancel_at, cancel_at: scheduled.cancel_at, current_period_end: scheduled.current_period_end });
  });

  it("leaves a canceled subscription as it is", async () => {
    const { sandbox } = setup();
    await advanceDays(sandbox, 400);
    expect(await subscription(sandbox, ADA_LOVELACE_ID, canceled.id)).toEqual(canceled);
  });

  it("changes nothing before a period ends", async () => {
    const { sandbox } = setup();
    await advanceDays(sandbox, 1);
    expect(await subscription(sandbox, ADA_LOVELACE_ID, pro.id)).toEqual(pro);
  });
});

describe("billing calendar", () => {
  it("clamps month ends: 31 January plus a month is the last day of February", () => {
    expect(iso(addMonths(Date.UTC(2027, 0, 31, 9), 1))).toBe("2027-02-28T09:00:00.000Z");
    expect(iso(addMonths(Date.UTC(2028, 0, 31, 9), 1))).toBe("2028-02-29T09:00:00.000Z");
  });

  it("adds days, weeks, months and years, and refuses unknown intervals", () => {
    const start = Date.UTC(2026, 2, 1);
    expect(addInterval(start, "day", 2)).toBe(start + 2 * DAY_MS);
    expect(addInterval(start, "week", 1)).toBe(start + 7 * DAY_MS);
    expect(iso(addInterval(start, "month", 3) ?? 0)).toBe("2026-06-01T00:00:00.000Z");
    expect(iso(addInterval(start, "year", 1) ?? 0)).toBe("2027-03-01T00:00:00.000Z");
    expect(addInterval(start, "fortnight", 1)).toBeNull();
    expect(addInterval(start, null, 1)).toBeNull();
  });

  it("settles a weekly subscription one week at a time", () => {
    const weekly: PortalSubscription = { ...pro, interval: "week", interval_count: 2, current_period_start: iso(START - DAY_MS), current_period_end: iso(START + 13 * DAY_MS) };
    settleSubscription(weekly, START + 30 * DAY_MS);
    expect(weekly.current_period_start).toBe(iso(START + 27 * DAY_MS));
    expect(weekly.current_period_end).toBe(iso(START + 41 * DAY_MS));
  });

  it("leaves a subscription with an unknown interval where it is", () => {
    const odd: PortalSubscription = { ...pro, interval: "lunar_cycle" };
    settleSubscription(odd, START + 400 * DAY_MS);
    expect(odd).toEqual({ ...pro, interval: "lunar_cycle" });
  });
});
