import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { expect, test as base, type APIRequestContext, type Cookie, type Page, type Request, type Response } from "@playwright/test";
import { ADA_MANDATE, ADA_PRO, CUSTOMERS, openPortal, SandboxControls, signedWebhookHeaders, signIn as signInWithTheForm, type SignInWords } from "../lib/testing/app-under-test";
import { DATABASE_URL, INSTANCES_SANDBOX_URL, laneDatabaseUrl, LANES, type Lane } from "./urls";

export { ADA_ANALYTICS, ADA_BACKUP_INVOICE, ADA_MANDATE, ADA_OLD_MANDATE, ADA_PAID_INVOICE, ADA_PRO, CUSTOMERS, KENJI_INVOICE, manageBillingHydrated, openPortal, signedWebhookHeaders } from "../lib/testing/app-under-test";
export { signInWithTheForm };

export async function signInToPortalWithTheForm(page: Page, name: string, words?: SignInWords): Promise<void> {
  await signInWithTheForm(page, name, words);
  await openPortal(page, words);
}

/**
 * A test or group the phone project leaves out (its `grepInvert`): the phone repeats what a
 * narrow screen in the dark theme can change (the journeys, keeping a plan and upgrading with
 * and without JavaScript, the accessibility scans, the widths) and one visit in another language,
 * not what the server does with RevKeen's refusals, which no screen changes.
 */
export const NOT_ON_PHONE = { tag: "@not-on-phone" } as const;

/** The projects whose tests run on a lane (e2e/urls.ts): a server, a sandbox and a database of their own. */
const LANE_PROJECTS = new Set(["app", "phone"]);

/** The lane of the worker running the test: one per worker, so no two tests running at once share one. */
function laneOf(parallelIndex: number): Lane {
  const lane = LANES[parallelIndex];
  if (!lane) throw new Error(`No lane for worker ${parallelIndex}: playwright.config.ts runs ${LANES.length} workers.`);
  return lane;
}

/** The address of the app the running test talks to: its lane's instance in the app and phone projects, else its project's. */
export function appUrl(): string {
  const { project, parallelIndex } = test.info();
  if (LANE_PROJECTS.has(project.name)) return laneOf(parallelIndex).appUrl;
  if (!project.use.baseURL) throw new Error(`The ${project.name} project has no baseURL.`);
  return project.use.baseURL;
}

/** The database of the app the running test talks to. */
export function appDatabaseUrl(): string {
  const { project, parallelIndex } = test.info();
  return LANE_PROJECTS.has(project.name) ? laneDatabaseUrl(laneOf(parallelIndex)) : DATABASE_URL;
}

/** The address of the standalone sandbox behind the app the running test talks to. */
export function sandboxUrl(): string {
  const { project, parallelIndex } = test.info();
  return project.name === "instances" ? INSTANCES_SANDBOX_URL : laneOf(LANE_PROJECTS.has(project.name) ? parallelIndex : 0).sandboxUrl;
}

/**
 * The bank account every change-of-bank test enters. The suite fails if it shows up whole in any
 * response, URL, cookie or page after the submit (secrets.spec.ts), or in the server's log
 * (server-output.audit.ts): only its last four digits may come back.
 */
export const NEW_BANK_ACCOUNT = { holder: "Ada King", sortCode: "20-71-64", accountNumber: "55779911" } as const;
// Whole values only: an id or a hash that happens to hold the same digits is not a leak.
export const FULL_BANK_DETAILS = /(?<![0-9A-Za-z])(?:20[- ]?71[- ]?64|55779911)(?![0-9A-Za-z])/;
/**
 * A Direct Debit verification token (the sandbox's vt_ and its random part), as a whole word: a
 * webhook event id ("evt_…") holds "vt_" too.
 */
export const VERIFICATION_TOKEN = /(?<![0-9A-Za-z])vt_[A-Za-z0-9_-]{16,}/;
/** A checkout session's public token or the token in its page's address (the sandbox's cspub_ and cst_): each opens the customer's payment page. */
export const CHECKOUT_TOKEN = /(?<![0-9A-Za-z])(cspub|cst)_[A-Za-z0-9_-]{16,}/;

/** Console messages that are bugs whatever the test does: a blocked script or style, a hydration mismatch. */
const BROWSER_PROBLEM = /Content Security Policy|Hydration failed|hydration mismatch|did not match/i;

/**
 * `next dev` compiles each route on its first request, which takes seconds and, on a busy
 * machine, tens of them. The smoke specs time what the app does, not the compiler, so every route
 * they open is compiled first, once per worker, with all the time it needs.
 */
async function compileSmokeRoutes(page: Page): Promise<void> {
  const COMPILE_MS = 180_000;
  await page.goto("/", { timeout: COMPILE_MS });
  await page.goto("/sign-in", { timeout: COMPILE_MS });
  await page.getByRole("button", { name: new RegExp(`Continue as ${CUSTOMERS.rich}`) }).click();
  await expect(page.getByRole("button", { name: "Manage billing", exact: true })).toBeVisible({ timeout: COMPILE_MS });
  await page.getByRole("button", { name: "Manage billing", exact: true }).click();
  await expect(page.getByTestId("portal-customer-name")).toBeVisible({ timeout: COMPILE_MS });
  for (const path of ["/portal/subscriptions", `/portal/subscriptions/${ADA_PRO}`, "/portal/invoices", "/reports", "/nothing-here"]) {
    await page.goto(path, { timeout: COMPILE_MS });
  }
  for (const path of ["/api/portal/customer", "/__sandbox/customers", "/__sandbox/taint-check?secret=api-key", "/portal/session?next=/portal"]) {
    await page.request.get(path, { timeout: COMPILE_MS, maxRedirects: 0 });
  }
  // The webhook, refused here (no signature): compiled all the same. The writes are server actions,
  // compiled with their pages.
  await page.request.post("/api/webhooks/revkeen", { timeout: COMPILE_MS, maxRedirects: 0, data: {} });
  // A new user's first visit opens the embedded database, which creates its files the first time.
  await page.context().clearCookies();
  await page.goto("/sign-in", { timeout: COMPILE_MS });
  await page.getByRole("button", { name: /Continue as a new customer/ }).click();
  await page.getByRole("button", { name: "Manage billing", exact: true }).click({ timeout: COMPILE_MS });
  await expect(page.getByTestId("portal-customer-name")).toBeVisible({ timeout: COMPILE_MS });
}

/** How Next's router sent a request, where it says so in its headers. */
function sentAs(request: Request): string {
  const headers = request.headers();
  if (headers["next-action"] !== undefined) return " (server action)";
  if (headers["next-router-prefetch"] !== undefined) return " (prefetch)";
  return headers["rsc"] !== undefined ? " (RSC)" : "";
}

export const test = base.extend<{ sandbox: SandboxControls; browserProblems: void; networkLog: void }, { smokeRoutesCompiled: void }>({
  // Before the first smoke test of a worker, as part of the smoke project rather than a project it
  // depends on: the smoke specs then start beside the other projects, not after all of them.
  smokeRoutesCompiled: [
    async ({ browser }, provide, workerInfo) => {
      if (workerInfo.project.name === "smoke") {
        const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
        await compileSmokeRoutes(await context.newPage());
        await context.close();
      }
      await provide();
    },
    { scope: "worker", auto: true, timeout: 10 * 60_000 },
  ],
  // A test of the app or phone project talks to its lane's instance.
  baseURL: async ({ baseURL }, provide) => {
    await provide(LANE_PROJECTS.has(test.info().project.name) ? appUrl() : baseURL);
  },
  // Every test against a production server in test mode (a lane's, or the instances') starts from
  // the seed, whether it asks for the controls or not; the smoke and demo servers have their own sandbox.
  sandbox: [
    async ({}, provide, testInfo) => {
      const controls = new SandboxControls(sandboxUrl());
      if (LANE_PROJECTS.has(testInfo.project.name) || testInfo.project.name === "instances") await controls.reset();
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
  // A trace holds the network only with a DOM snapshot of every action, which every passing test
  // would pay for (playwright.config.ts): a failing test keeps the page's requests here instead,
  // each with when it was sent and answered (ms from the test's start), its status and how
  // Next's router sent it, in network.txt beside the trace. Addresses only: no header or body.
  networkLog: [
    async ({ page }, provide, testInfo) => {
      const start = Date.now();
      const lines: string[] = [];
      const at = () => String(Date.now() - start).padStart(6);
      page.on("request", (request) => lines.push(`${at()} → ${request.method()} ${request.url()}${sentAs(request)}`));
      page.on("response", (response) => lines.push(`${at()} ← ${response.status()} ${response.request().method()} ${response.url()}`));
      page.on("requestfailed", (request) => lines.push(`${at()} ✗ ${request.failure()?.errorText ?? "failed"} ${request.method()} ${request.url()}`));
      await provide();
      if (testInfo.status === testInfo.expectedStatus) return;
      const path = testInfo.outputPath("network.txt");
      await writeFile(path, `${lines.join("\n")}\n`);
      await testInfo.attach("network", { path, contentType: "text/plain" });
    },
    { auto: true },
  ],
});

export { expect, SandboxControls };

/**
 * The sign-in cookie of each demo customer once this worker has signed them in with the form, per
 * project: the next test that signs the same customer in starts with it instead. A worker is a
 * process of its own, so this is once per worker. The tests about signing in or out use
 * `signInWithTheForm`.
 */
const signedIn = new Map<string, Cookie[]>();
const ENGLISH_BUTTON = "Manage billing";

/** Where this worker keeps `name`'s sign-in cookie, or null where each sign-in uses the form. */
function signedInKey(name: string): string | null {
  const { project } = test.info();
  // "A new customer" is a new made-up user at each sign-in: never reused. The smoke, demo and
  // instances projects sign in with the form every time.
  return LANE_PROJECTS.has(project.name) && name !== CUSTOMERS.unlinked ? `${project.name}\n${name}` : null;
}

/** Signs the demo customer `name` in: the first time in this worker with the form, then with the cookie it set. */
export async function signIn(page: Page, name: string, words?: SignInWords): Promise<void> {
  const key = signedInKey(name);
  const cookies = key === null ? undefined : signedIn.get(key);
  if (key !== null && cookies) {
    await page.context().addCookies(cookies);
    await page.goto("/");
    const manageBilling = page.getByRole("button", { name: words?.manageBilling ?? ENGLISH_BUTTON, exact: true });
    // The header's way in, in whatever language the page speaks.
    const signInLink = page.locator('a[href="/sign-in"]');
    await manageBilling.or(signInLink).first().waitFor();
    // A test that signed out ended the session the cookie names: sign in again with the form.
    if (await manageBilling.isVisible()) return;
    signedIn.delete(key);
  }
  await signInWithTheForm(page, name, words);
  if (key !== null) signedIn.set(key, (await page.context().cookies()).filter((cookie) => cookie.name.includes("authjs.session-token")));
}

export async function signInToPortal(page: Page, name: string, words?: SignInWords): Promise<void> {
  await signIn(page, name, words);
  await openPortal(page, words);
}

/**
 * Signs the demo customer `name` in and opens the portal's `path` straight away, as a bookmark
 * does: the page mints the portal session on its way in (/portal/session) rather than through
 * the home page's Manage billing and the overview. The answer is the page's own, after those
 * redirects.
 */
export async function signInToPortalAt(page: Page, name: string, path: string): Promise<Response | null> {
  const key = signedInKey(name);
  const cookies = key === null ? undefined : signedIn.get(key);
  if (key !== null && cookies) {
    await page.context().addCookies(cookies);
    const response = await page.goto(path);
    // A test that signed out ended the session the cookie names: the portal asked to sign in.
    if (new URL(page.url()).pathname !== "/sign-in") return response;
    signedIn.delete(key);
  }
  await signIn(page, name);
  return page.goto(path);
}

/** Every kind of portal page for the signed-in customer: overview, lists, and one of each detail. */
export async function portalPages(page: Page): Promise<string[]> {
  const firstId = async (path: string) => ((await (await page.request.get(path)).json()) as { data: { id: string }[] }).data[0]?.id;
  const mandate = await firstId("/api/portal/mandates");
  return [
    "/portal",
    "/portal/subscriptions",
    `/portal/subscriptions/${await firstId("/api/portal/subscriptions")}`,
    "/portal/invoices",
    `/portal/invoices/${await firstId("/api/portal/invoices")}`,
    "/portal/direct-debit",
    ...(mandate ? [`/portal/direct-debit/${mandate}/change-bank`] : []),
  ];
}

/** The value beside a term in a details list (`<dt>term</dt><dd>value</dd>`), matched exactly. */
export function detail(page: Page, term: string) {
  const exact = new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  return page.locator("dt", { hasText: exact }).locator("+ dd");
}

/** The Idempotency-Key a form sent to a server action carries (with JavaScript or without), if it carries one. */
export function idempotencyKeyOf(body: string): string | undefined {
  return /name="(?:\d+_)?idempotencyKey"\r\n\r\n([^\r\n]*)/.exec(body)?.[1];
}

/** In the page: every FormData a script sends carries its key, if it has one, to `recordActionKey`. */
function reportActionKeys(): void {
  const flag = "__actionKeysReported";
  const scope = window as unknown as Record<string, unknown>;
  if (scope[flag]) return;
  scope[flag] = true;
  const send = window.fetch;
  window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    const body = args[1]?.body;
    if (body instanceof FormData) {
      for (const [name, value] of body) {
        // A server action's arguments are encoded with a numeric prefix: "1_idempotencyKey".
        if (/(^|_)idempotencyKey$/.test(name) && typeof value === "string") (scope.recordActionKey as (path: string, key: string) => void)(location.pathname, value);
      }
    }
    return send.apply(this, args);
  } as typeof fetch;
}

/**
 * The Idempotency-Key of every server action the page's scripts send to a page whose path matches
 * `path`, from now on and in order: one intent must reuse one key however often it is sent.
 */
export async function captureActionKeys(page: Page, path: RegExp): Promise<string[]> {
  const keys: string[] = [];
  await page.exposeFunction("recordActionKey", (pathname: string, key: string) => {
    if (path.test(pathname)) keys.push(key);
  });
  await page.addInitScript(reportActionKeys);
  await page.evaluate(reportActionKeys);
  return keys;
}

/** The keys of every subscription cancel the page sends from now on. */
export function captureCancelKeys(page: Page): Promise<string[]> {
  return captureActionKeys(page, /^\/portal\/subscriptions\/[^/]+$/);
}

export type CaughtPost = { url: string; headers: Record<string, string>; body: string };

/**
 * The POST that `submit` makes a page without JavaScript send to a server action, stopped before
 * it reaches the app: for a test to send it again, as it was or changed.
 */
export async function catchActionPost(page: Page, submit: () => Promise<void>): Promise<CaughtPost> {
  let caught: CaughtPost | undefined;
  await page.route("**/portal/**", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    caught = { url: request.url(), headers: { "content-type": request.headers()["content-type"] ?? "", origin: new URL(request.url()).origin }, body: request.postData() ?? "" };
    // No content: the browser stays where it is.
    await route.fulfill({ status: 204 });
  });
  await submit();
  await expect.poll(() => caught !== undefined, { message: "the form was sent" }).toBe(true);
  await page.unrouteAll();
  return caught as CaughtPost;
}

/** Ada cancelling her Pro plan now, signed in on a page without JavaScript: the POST, caught before it is sent. */
export async function caughtCancelNow(page: Page): Promise<CaughtPost> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: new RegExp(`Continue as ${CUSTOMERS.rich}`) }).click();
  await page.getByRole("button", { name: "Manage billing", exact: true }).click();
  await page.goto(`/portal/subscriptions/${ADA_PRO}`);
  const form = page.getByRole("form", { name: "Confirm cancellation" });
  await form.getByRole("radio", { name: /^Now/ }).check();
  return catchActionPost(page, () => form.getByRole("button", { name: "Confirm cancellation" }).click());
}

/**
 * A double press of a plain form reached RevKeen under one key and acted once: the first call ran,
 * any other was a replay. One or two calls, not exactly two: a browser may abandon the first POST
 * of a double press before it reaches the server.
 */
export async function expectDoublePressActedOnce(sandbox: SandboxControls, operation: string): Promise<void> {
  const calls = await sandbox.callsOf(operation);
  expect([1, 2], `${calls.length} ${operation} calls`).toContain(calls.length);
  expect(calls.map((call) => call.replayed)).toEqual(calls.map((_, index) => index > 0));
  expect(calls[0]?.idempotency_key_hash).toMatch(/^[0-9a-f]{16}$/);
  expect(new Set(calls.map((call) => call.idempotency_key_hash)).size).toBe(1);
}

/** Waits until the sandbox has delivered its latest webhook of `type` to the app, and the app said 2xx. */
export async function webhookDelivered(sandbox: SandboxControls, type: string): Promise<void> {
  await expect
    .poll(async () => (await sandbox.webhooks()).find((delivery) => delivery.event_type === type)?.state, { message: `a ${type} webhook delivered`, timeout: 15_000 })
    .toBe("delivered");
}

/**
 * Waits until the webhooks of the sandbox's reset (a customer.updated for each demo customer) have
 * reached the app, which drops what every instance kept about the customers from earlier tests.
 */
export async function resetWebhooksDelivered(sandbox: SandboxControls): Promise<void> {
  await expect
    .poll(async () => (await sandbox.webhooks()).filter((delivery) => delivery.event_type === "customer.updated").every((delivery) => delivery.state === "delivered"), {
      message: "the reset's webhooks delivered",
    })
    .toBe(true);
}

/**
 * What the standalone sandbox and the app in test mode sign and check webhooks with: a fresh one
 * for each run (playwright.config.ts), never one written down anywhere.
 */
export function webhookSecret(): string {
  const secret = process.env.E2E_WEBHOOK_SECRET;
  if (!secret) throw new Error("E2E_WEBHOOK_SECRET is not set: run the suite through playwright.config.ts");
  return secret;
}

/** Through the change of bank's first two steps, with the code the sandbox e-mailed. */
export async function verifyForBankChange(page: Page, sandbox: SandboxControls, mandateId = ADA_MANDATE): Promise<void> {
  await page.goto(`/portal/direct-debit/${mandateId}/change-bank`);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByLabel("6-digit code")).toBeVisible();
  await page.getByLabel("6-digit code").fill(await sandbox.latestCode(await sandbox.customerId(CUSTOMERS.rich)));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Account holder name")).toBeVisible();
}

/** The footer's switcher: the page comes back in `language` (its name in itself), remembered by a cookie. */
export async function chooseLanguage(page: Page, language: string): Promise<void> {
  const footer = page.getByRole("contentinfo");
  const choice = footer.getByRole("combobox");
  const locale = (await choice.getByRole("option", { name: language }).getAttribute("value")) ?? "";
  await choice.selectOption(locale);
  await footer.getByRole("button").click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** The new-account form filled with NEW_BANK_ACCOUNT and both confirmations ticked. */
export async function fillNewBankAccount(page: Page): Promise<void> {
  await page.getByLabel("Account holder name").fill(NEW_BANK_ACCOUNT.holder);
  await page.getByLabel("Sort code").fill(NEW_BANK_ACCOUNT.sortCode);
  await page.getByLabel("Account number").fill(NEW_BANK_ACCOUNT.accountNumber);
  await page.getByLabel("I am the holder of this account.").check();
  await page.getByLabel(/only person needed to authorise/).check();
}

/**
 * Makes the app forget what it keeps about `customerName` (plan names, dunning, payment methods,
 * entitlement answers), as RevKeen's webhook about a change would: the sandbox's reset between
 * tests sends none, and the app keeps those reads up to a minute.
 */
export async function forgetKeptBilling(request: APIRequestContext, sandbox: SandboxControls, customerName: string): Promise<void> {
  const body = JSON.stringify({
    id: `evt_${randomUUID().replaceAll("-", "")}`,
    object: "event",
    type: "customer.updated",
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: await sandbox.customerId(customerName) } },
  });
  const response = await request.post("/api/webhooks/revkeen", { headers: signedWebhookHeaders(body, webhookSecret()), data: body });
  expect(response.ok(), "the webhook that drops the app's kept reads").toBe(true);
}

/** On RevKeen's hosted checkout page (the sandbox's), once "Pay now" has sent the browser there. */
export async function onCheckoutPage(page: Page): Promise<void> {
  await page.waitForURL((url) => url.origin === sandboxUrl());
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}
