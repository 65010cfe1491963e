import type { Page } from "@playwright/test";
import { parseServerEnv } from "../lib/env/schema.mjs";
import { CUSTOMERS, expect, signIn, test } from "./fixtures";

// The `next dev` server of the smoke project keeps the default limits (playwright.config.ts pins
// them); the production server of the other specs lifts them, as those sign in many times a minute.
const { PORTAL_MINTS_PER_MINUTE_PER_USER: PER_USER } = parseServerEnv({}, { requireSecrets: false });
/** The bucket gains one press back every this many seconds. */
const REFILL_SECONDS = 60 / PER_USER;

const TOO_MANY = /^Too many attempts\. Try again in (\d+) s\.$/;

/** `page` (signed in, on the home page) and more tabs of its browser context, up to `count`. */
async function homeTabs(page: Page, count: number): Promise<Page[]> {
  const tabs = [page];
  while (tabs.length < count) {
    const tab = await page.context().newPage();
    await tab.goto("/");
    tabs.push(tab);
  }
  return tabs;
}

/** Presses "Manage billing" in every tab at once; for each, the refusal it showed, or null if it was let in. */
async function pressAtOnce(tabs: Page[]): Promise<(string | null)[]> {
  await Promise.all(tabs.map((tab) => tab.getByRole("button", { name: "Manage billing", exact: true }).click()));
  return Promise.all(
    tabs.map(async (tab) => {
      const refused = tab.getByRole("status").filter({ hasText: TOO_MANY });
      // Every press let in renders the portal, all at once, on a `next dev` that may compile it first.
      await expect(refused.or(tab.getByTestId("portal-customer-name"))).toBeVisible({ timeout: 30_000 });
      if (!(await refused.isVisible())) return null;
      await expect(tab, "a refused press stays on the page").toHaveURL(/\/$/);
      return refused.textContent();
    }),
  );
}

// Grace Hopper and Émilie du Châtelet open the portal in this spec only: another smoke spec
// minting for either would make this one depend on the order they run in.
//
// Presses one after another take seconds each under `next dev`, and the bucket refills one press
// every REFILL_SECONDS, so a slow run would never empty it. The presses come as a burst from as
// many tabs, as a script or an impatient user would send them, with every tab loaded beforehand.
test.describe("Rate limit on opening the portal", () => {
  test("a user who presses Manage billing more often than the limit allows is asked to wait, while another user's presses all get in", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, CUSTOMERS.empty);
    const grace = await homeTabs(page, PER_USER + 2);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, CUSTOMERS.euro);
    const emilie = await homeTabs(otherPage, PER_USER);

    const graceRefusals = (await pressAtOnce(grace)).filter((refusal) => refusal !== null);
    expect(grace.length - graceRefusals.length, "presses let in").toBeGreaterThanOrEqual(PER_USER);
    expect(graceRefusals.length, "presses refused").toBeGreaterThanOrEqual(1);
    for (const message of graceRefusals) {
      const seconds = Number(TOO_MANY.exec(message)?.[1]);
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(REFILL_SECONDS);
    }

    // The limit is per user: right after, from the same address, Émilie has her whole allowance. Had
    // she shared Grace's, the few seconds since would have refilled it by a press or two, not all.
    expect(await pressAtOnce(emilie)).toEqual(Array(PER_USER).fill(null));
    await other.close();
  });
});
