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

/**
 * Mints `count` portal sessions for the page's user at once, as Manage billing does, through
 * /portal/session without following it into the portal (rendering it is not what is counted);
 * for each, whether it was let in.
 */
async function mintAtOnce(page: Page, count: number): Promise<boolean[]> {
  const answers = await Promise.all(
    Array.from({ length: count }, () =>
      // A forced mint, started by this site as the portal's own pages start one.
      page.request.get("/portal/session?force=1&next=%2Fportal", { maxRedirects: 0, headers: { "sec-fetch-site": "same-origin" } }),
    ),
  );
  return answers.map((answer) => {
    expect(answer.status()).toBe(303);
    const location = answer.headers().location ?? "";
    if (location === "/portal") return true;
    expect(location).toContain("billing_error=portal%3Arate_limited");
    return false;
  });
}

// Grace Hopper and Émilie du Châtelet open the portal in this spec only: another smoke spec
// minting for either would make this one depend on the order they run in.
//
// The bucket refills one press every REFILL_SECONDS, so the allowance is spent in one burst, and
// the presses in the browser that follow come from tabs loaded beforehand, all at once.
test.describe("Rate limit on opening the portal", () => {
  test("a user who presses Manage billing more often than the limit allows is asked to wait, while another user's presses all get in", async ({
    page,
    browser,
  }) => {
    test.setTimeout(60_000);
    await signIn(page, CUSTOMERS.empty);
    // Three more presses than the allowance left: even if a slow machine took two refills' time
    // to press them, one is refused.
    const tabs = await homeTabs(page, 3);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, CUSTOMERS.euro);

    expect(await mintAtOnce(page, PER_USER), "Grace's allowance, all let in").toEqual(Array(PER_USER).fill(true));
    await Promise.all(tabs.map((tab) => tab.getByRole("button", { name: "Manage billing", exact: true }).click()));
    const refusals: string[] = [];
    for (const tab of tabs) {
      const refused = tab.getByRole("status").filter({ hasText: TOO_MANY });
      await expect(refused.or(tab.getByTestId("portal-customer-name"))).toBeVisible({ timeout: 30_000 });
      if (!(await refused.isVisible())) continue;
      await expect(tab, "a refused press stays on the page").toHaveURL(/\/$/);
      refusals.push((await refused.textContent()) ?? "");
    }
    expect(refusals.length, "presses refused").toBeGreaterThanOrEqual(1);
    for (const message of refusals) {
      const seconds = Number(TOO_MANY.exec(message)?.[1]);
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(REFILL_SECONDS);
    }

    // The limit is per user: right after, from the same address, Émilie has her whole allowance. Had
    // she shared Grace's, the few seconds since would have refilled it by a press or two, not all.
    expect(await mintAtOnce(otherPage, PER_USER), "Émilie's allowance, all let in").toEqual(Array(PER_USER).fill(true));
    await other.close();
  });
});
