import { expect, test as base, type Page } from "@playwright/test";
import { deterministicUuid } from "../lib/sandbox/ids";
import { SandboxControls } from "./sandbox-controls";
import { SANDBOX_URL } from "./urls";

export const CUSTOMERS = {
  rich: "Ada Lovelace",
  empty: "Grace Hopper",
  yen: "佐藤 健二",
  euro: "Émilie du Châtelet",
} as const;

/** Ada Lovelace's active £12.00 monthly plan: renews, nothing scheduled, the one to cancel. */
export const ADA_PRO = deterministicUuid("subscription:ada:pro");

/** Console messages that are bugs whatever the test does: a blocked script or style, a hydration mismatch. */
const BROWSER_PROBLEM = /Content Security Policy|Hydration failed|hydration mismatch|did not match/i;

export const test = base.extend<{ sandbox: SandboxControls; browserProblems: void }>({
  // Every test against the app's production server (desktop or phone) starts from the seed,
  // whether it asks for the controls or not; the smoke and demo servers have their own sandbox.
  sandbox: [
    async ({}, provide, testInfo) => {
      const controls = new SandboxControls(SANDBOX_URL);
      if (testInfo.project.name === "app" || testInfo.project.name === "phone") await controls.reset();
      await provide(controls);
    },
    { auto: true },
  ],
  // Every test also checks that Chromium reported no CSP violation, hydration mismatch or
  // uncaught exception on any page it opened.
  browserProblems: [
    async ({ page }, provide) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && BROWSER_PROBLEM.test(message.text())) problems.push(message.text());
      });
      page.on("pageerror", (error) => {
        // React reports a streamed server error (after the loading skeleton was sent) as error
        // #419 and hands it to error.tsx, which is the behaviour under test, not a bug.
        if (!error.message.includes("react.dev/errors/419")) problems.push(`uncaught: ${error.message}`);
      });
      await provide();
      expect(problems, "problems Chromium reported").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect, SandboxControls };

export async function signIn(page: Page, name: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: new RegExp(`Continue as ${name}`) }).click();
  await expect(page.getByRole("button", { name: "Manage billing", exact: true })).toBeVisible();
}

export async function openPortal(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Manage billing", exact: true }).click();
  await expect(page).toHaveURL(/\/portal$/);
}

export async function signInToPortal(page: Page, name: string): Promise<void> {
  await signIn(page, name);
  await openPortal(page);
}

/** Every kind of portal page for the signed-in customer: overview, lists, and one of each detail. */
export async function portalPages(page: Page): Promise<string[]> {
  const firstId = async (path: string) => ((await (await page.request.get(path)).json()) as { data: { id: string }[] }).data[0]?.id;
  return [
    "/portal",
    "/portal/subscriptions",
    `/portal/subscriptions/${await firstId("/api/portal/subscriptions")}`,
    "/portal/invoices",
    `/portal/invoices/${await firstId("/api/portal/invoices")}`,
  ];
}

/** The value beside a term in a details list (`<dt>term</dt><dd>value</dd>`), matched exactly. */
export function detail(page: Page, term: string) {
  const exact = new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  return page.locator("dt", { hasText: exact }).locator("+ dd");
}

/**
 * The Idempotency-Key of every cancel request the page sends from now on, in order: one intent
 * must reuse one key however often it is sent.
 */
export function captureCancelKeys(page: Page): string[] {
  const keys: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/cancel")) keys.push(request.headers()["idempotency-key"] ?? "");
  });
  return keys;
}

/** Waits until the sandbox has delivered its latest webhook of `type` to the app, and the app said 2xx. */
export async function webhookDelivered(sandbox: SandboxControls, type: string): Promise<void> {
  await expect
    .poll(async () => (await sandbox.webhooks()).find((delivery) => delivery.event_type === type)?.state, { message: `a ${type} webhook delivered`, timeout: 15_000 })
    .toBe("delivered");
}
