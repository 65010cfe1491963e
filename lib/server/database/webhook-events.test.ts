import { describe, expect, it } from "vitest";
import { claimEvent, EVENT_IDS_KEPT_DAYS } from "./webhook-events";
import { testDatabaseForThisFile } from "@/lib/testing/embedded-database";

const test = testDatabaseForThisFile();

const DAY_MS = 86_400_000;

/** An event id recorded `daysAgo` days before `now` (ms since the epoch). */
async function receivedBefore(id: string, daysAgo: number, now: number): Promise<void> {
  await test.execute(`insert into webhook_events (id, type, received_at) values ('${id}', 'invoice.paid', to_timestamp(${(now - daysAgo * DAY_MS) / 1000}))`);
}

describe("webhook event ids", () => {
  it("claims an id once: a repeat within the window is refused", async () => {
    const now = Date.now();
    expect(await claimEvent(test.db, "evt_once", "invoice.paid", now)).toBe(true);
    expect(await claimEvent(test.db, "evt_once", "invoice.paid", now + 1000)).toBe(false);
  });

  it("forgets ids older than the window as new events are claimed, and keeps the younger ones", async () => {
    const now = Date.now() + DAY_MS;
    await receivedBefore("evt_old", EVENT_IDS_KEPT_DAYS + 0.1, now);
    await receivedBefore("evt_recent", EVENT_IDS_KEPT_DAYS - 0.1, now);
    expect(await claimEvent(test.db, "evt_new", "invoice.paid", now)).toBe(true);
    expect(await test.count("webhook_events", "id = 'evt_old'")).toBe(0);
    expect(await claimEvent(test.db, "evt_recent", "invoice.paid", now)).toBe(false);
  });

  it("prunes at most once a minute, not on every claim", async () => {
    const now = Date.now() + 2 * DAY_MS;
    expect(await claimEvent(test.db, "evt_first", "invoice.paid", now)).toBe(true);
    await receivedBefore("evt_stale", EVENT_IDS_KEPT_DAYS + 1, now);
    expect(await claimEvent(test.db, "evt_second", "invoice.paid", now + 30_000)).toBe(true);
    expect(await test.count("webhook_events", "id = 'evt_stale'")).toBe(1);
    expect(await claimEvent(test.db, "evt_third", "invoice.paid", now + 61_000)).toBe(true);
    expect(await test.count("webhook_events", "id = 'evt_stale'")).toBe(0);
  });
});
