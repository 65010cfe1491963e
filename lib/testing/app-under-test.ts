// The app run as a server and driven from outside, as the end-to-end suite (e2e/) and the bench
// (scripts/bench) both run it: its ports, fresh secrets and test-mode environment, the standalone
// sandbox's, the Chromium that drives it, the demo customers and their
// sign-in, the sandbox's controls, and webhook deliveries signed as RevKeen signs them. One module
// for both, so the bench measures the app the suite tests, started and driven the same way.
import { createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chromium, type LaunchOptions, type Page } from "@playwright/test";
import { DEFAULT_SANDBOX_API_KEY } from "../env/schema.mjs";
import { deterministicUuid } from "../sandbox/data/ids";

// Servers and their environment ----------------------------------------------------------------

/** The port named by the environment variable `name`, else `fallback`. */
export function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a port number from 1 to 65535`);
  return value;
}

export const loopbackUrl = (port: number) => `http://127.0.0.1:${port}`;

/** A fresh AUTH_SECRET for each run: nothing may depend on a particular one. */
export const freshAuthSecret = () => randomBytes(33).toString("base64url");

/** A fresh secret for each run for the webhooks the app checks and the sandbox signs: none is written down anywhere. */
export const freshWebhookSecret = () => `rk_wh_${randomBytes(24).toString("hex")}`;

export type RunSecrets = { authSecret: string; webhookSecret: string };

/** The standalone sandbox (scripts/sandbox.ts) on `port`, with the default merchant key, sending its webhooks to `webhookUrl`. */
export function sandboxEnv(port: number, { webhookSecret }: RunSecrets, webhookUrl?: string): Record<string, string> {
  return {
    SANDBOX_PORT: String(port),
    REVKEEN_SANDBOX_API_KEY: DEFAULT_SANDBOX_API_KEY,
    REVKEEN_SANDBOX_WEBHOOK_SECRET: webhookSecret,
    ...(webhookUrl ? { SANDBOX_WEBHOOK_URL: webhookUrl } : {}),
  };
}

/**
 * The production build in test mode, against the standalone sandbox at `sandboxUrl` over HTTP:
 * the code path a live deploy runs. `databaseUrl` empty: the embedded database.
 */
export function testModeEnv(sandboxUrl: string, databaseUrl: string, { authSecret, webhookSecret }: RunSecrets): Record<string, string> {
  return {
    REVKEEN_API_KEY: DEFAULT_SANDBOX_API_KEY,
    REVKEEN_API_URL: `${sandboxUrl}/v2`,
    REVKEEN_DEMO_SIGN_IN: "true",
    REVKEEN_TIMEOUT_MS: "3000",
    DATABASE_URL: databaseUrl,
    // Both sign the same demo users in many times a minute from one address.
    PORTAL_MINTS_PER_MINUTE_PER_USER: "1000",
    PORTAL_MINTS_PER_MINUTE_PER_IP: "1000",
    PORTAL_WRITES_PER_MINUTE_PER_USER: "1000",
    PORTAL_CODE_ATTEMPTS_PER_10_MINUTES_PER_MANDATE: "1000",
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: "true",
    // The standalone sandbox signs the webhooks it sends to the app with the same secret.
    REVKEEN_WEBHOOK_SECRET: webhookSecret,
  };
}

// Chromium -------------------------------------------------------------------------------------

// Which Chromium drives the app, and how: an explicit path, else Playwright's own download (a
// normal developer machine, after `npx playwright install chromium`), else the system's (Debian:
// apt-get install chromium-headless-shell). The flags keep it quiet on a closed network.
// scripts/ensure-browser.ts gets one before `npm test` starts the suite when none is found.
//
// The suite prefers Chromium's headless shell, as Playwright does for a headless run of its own
// download: the same engine without the full browser's compositor and GPU processes, so each test
// costs the machine far less (docs/testing.md). The bench prefers the full browser: it times what
// a customer's browser does.

export type ChromiumChoice = {
  source: "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH" | "Playwright's download" | "the system's";
  /** Undefined: Playwright launches its own download. */
  executablePath: string | undefined;
};

/** Who drives Chromium: the end-to-end suite, or the bench. */
export type ChromiumUse = "suite" | "bench";

const SYSTEM_HEADLESS_SHELL = ["/usr/bin/chromium-headless-shell"];
const SYSTEM_BROWSER = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** The Chromium to use, or null when this machine has none. */
export function findChromium(use: ChromiumUse = "suite"): ChromiumChoice | null {
  const explicit = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (explicit) return existsSync(explicit) ? { source: "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH", executablePath: explicit } : null;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return { source: "Playwright's download", executablePath: undefined };
  const candidates = use === "suite" ? [...SYSTEM_HEADLESS_SHELL, ...SYSTEM_BROWSER] : [...SYSTEM_BROWSER, ...SYSTEM_HEADLESS_SHELL];
  const system = candidates.find((path) => existsSync(path));
  return system ? { source: "the system's", executablePath: system } : null;
}

/** Whether `choice` is the full browser where a headless shell would do (the suite runs slower on it). */
export function isFullSystemBrowser(choice: ChromiumChoice): boolean {
  return choice.source === "the system's" && choice.executablePath !== undefined && SYSTEM_BROWSER.includes(choice.executablePath);
}

export function chromiumLaunchOptions(use: ChromiumUse = "suite"): LaunchOptions {
  const choice = findChromium(use);
  return {
    executablePath: choice?.executablePath,
    // Playwright's own download runs headless on its shell unless told to run the full browser.
    channel: use === "bench" && choice?.source === "Playwright's download" ? "chromium" : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  };
}

// The demo customers, their sign-in and webhooks about them ----------------------------------------

export const CUSTOMERS = {
  rich: "Ada Lovelace",
  empty: "Grace Hopper",
  yen: "佐藤 健二",
  euro: "Émilie du Châtelet",
  /** A user with no billing account yet: the first "Manage billing" creates one and links it. */
  unlinked: "a new customer",
} as const;

/** Ada Lovelace's active £12.00 monthly plan: renews, nothing scheduled, the one to cancel. */
export const ADA_PRO = deterministicUuid("subscription:ada:pro");
/** Ada's £15.00 monthly Analytics plan: active, set to end with its period, the one to keep. */
export const ADA_ANALYTICS = deterministicUuid("subscription:ada:analytics");

/** Ada's Barclays Direct Debit (active, collecting soon) and her Lloyds one (cancelled). */
export const ADA_MANDATE = deterministicUuid("mandate:ada:barclays");
export const ADA_OLD_MANDATE = deterministicUuid("mandate:ada:lloyds");

/** Ada's open £30.00 invoice, the failed renewal that put her Backup plan past due; and one she has paid. */
export const ADA_BACKUP_INVOICE = deterministicUuid("invoice:ada:backup:failed");
export const ADA_PAID_INVOICE = deterministicUuid("invoice:ada:gbp:1");
/** An invoice of Kenji's: never Ada's to pay. */
export const KENJI_INVOICE = deterministicUuid("invoice:kenji:monthly:0");

// These wait with the page's timeouts, not an expect's: the bench runs them outside the test
// runner, where an expect gives up after 5 s, and a first sign-in on a busy machine takes longer.

/** The names of the sign-in and account pages' buttons, in the language the browser is answered in. */
export type SignInWords = { continueAs: (name: string) => string; manageBilling: string };
const ENGLISH: SignInWords = { continueAs: (name) => `Continue as ${name}`, manageBilling: "Manage billing" };
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Until React owns the "Manage billing" button: a click before that would be a plain form post. */
export async function manageBillingHydrated(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Manage billing" }).waitFor({ state: "visible", timeout: 30_000 });
  await page.waitForFunction(
    () => {
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Manage billing");
      return button !== undefined && Object.keys(button).some((key) => key.startsWith("__reactProps$"));
    },
    undefined,
    { timeout: 30_000, polling: 50 },
  );
}

/** Signs in on the page's base URL as the demo customer `name`. */
export async function signIn(page: Page, name: string, words: SignInWords = ENGLISH): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: new RegExp(escaped(words.continueAs(name))) }).click();
  await page.getByRole("button", { name: words.manageBilling, exact: true }).waitFor();
}

export async function openPortal(page: Page, words: SignInWords = ENGLISH): Promise<void> {
  await page.getByRole("button", { name: words.manageBilling, exact: true }).click();
  await page.waitForURL(/\/portal$/);
}

export async function signInToPortal(page: Page, name: string, words: SignInWords = ENGLISH): Promise<void> {
  await signIn(page, name, words);
  await openPortal(page, words);
}

/** Headers of a webhook delivery of `body` signed with `secret` at `at` (unix seconds), as RevKeen signs them. */
export function signedWebhookHeaders(body: string, secret: string, at = Math.floor(Date.now() / 1000)): Record<string, string> {
  const v1 = createHmac("sha256", secret).update(`${at}.${body}`).digest("hex");
  return { "content-type": "application/json", "x-revkeen-signature": `t=${at},v1=${v1}` };
}

// The standalone sandbox's controls (see lib/sandbox/controls/controls.ts) ------------------------------

export type SandboxCalls = {
  total: number;
  by_operation: Record<string, number>;
  log: SandboxCall[];
};

/** One call in the sandbox's log: its answer, its fault, whether it was a replay under a key seen before, and that key's short hash. */
export type SandboxCall = {
  operation: string;
  at: string;
  status: number | null;
  fault: string | null;
  replayed: boolean;
  idempotency_key_hash: string | null;
};

type FaultBody = {
  operation?: string | string[];
  count?: number;
  status?: number;
  retry_after?: number;
  delay_ms?: number;
  drop?: boolean;
  malformed?: boolean;
  lose_answer?: boolean;
};

export type WebhookDelivery = {
  id: string;
  event_type: string;
  state: "pending" | "delivered" | "failed" | "no_endpoint";
  attempts: { at: string; status: number | null; answer: string | null; fault: string | null }[];
  event: { id: string; type: string; data: { object: Record<string, unknown> } };
};

/** A hosted checkout as GET /v2/checkout-sessions/{id} shows it. */
export type CheckoutSessionView = {
  id: string;
  status: "open" | "complete" | "expired";
  amount_total: number;
  currency: string;
  customer_id: string | null;
  invoice_id: string | null;
  payment_intent_id: string | null;
  url: string;
  success_url: string | null;
  cancel_url: string | null;
  expires_at: string;
};

/** A one-time code as the sandbox "e-mailed" it. */
export type SentEmail = { customer_id: string; mandate_id: string; to: string; code: string; sent_at: string };

/** The standalone sandbox's controls: the suite's way to shape the upstream, and the bench's to count its calls. */
export class SandboxControls {
  constructor(private readonly baseUrl: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/__sandbox/${path}`, {
      method,
      // Every change as JSON: the controls refuse anything else (see lib/sandbox/controls/controls.ts).
      headers: method === "GET" ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { data: T }).data;
  }
  reset = () => this.call("POST", "reset");
  customers = () => this.call<{ id: string; name: string; email: string }[]>("GET", "customers");
  fault = (body: FaultBody) => this.call("POST", "faults", body);
  clearFaults = () => this.call("DELETE", "faults");
  advanceClock = (seconds: number) => this.call("POST", "clock", { advance_seconds: seconds });
  revokeTokens = (customerId?: string) => this.call<{ revoked: number }>("POST", "tokens/revoke", customerId ? { customer_id: customerId } : {});
  calls = () => this.call<SandboxCalls>("GET", "calls");
  resetCalls = () => this.call("DELETE", "calls");
  /** The logged calls of `operation`, oldest first. */
  callsOf = async (operation: string) => (await this.calls()).log.filter((entry) => entry.operation === operation);
  sessionShape = (shape: "reference" | "sdk" | "token" | "tokenless") => this.call("POST", "settings", { session_shape: shape });
  /** What the merchant sees: every scheduled or finished cancellation, with the reason given. */
  cancellations = () => this.call<{ subscription_id: string; status: string; reason: string | null }[]>("GET", "cancellations");
  latency = (ms: number) => this.call<{ latency_ms: number }>("POST", "settings", { latency_ms: ms });
  /** Every hosted checkout, newest first, as the merchant's API shows it. */
  checkoutSessions = () => this.call<CheckoutSessionView[]>("GET", "checkout-sessions");
  /** Every webhook delivery, newest first, with its attempts and the app's answers. */
  webhooks = () => this.call<WebhookDelivery[]>("GET", "webhooks");
  webhookFault = (kind: "duplicate" | "out_of_order" | "bad_signature" | "endpoint_down", count = 1) => this.call("POST", "webhooks/faults", { kind, count });
  /** Delivers a webhook event again (same id), e.g. one the endpoint missed. */
  resendWebhook = (deliveryId: string) => this.call("POST", `webhooks/${encodeURIComponent(deliveryId)}/resend`);
  /** Whether the merchant offers Direct Debit self-service (on after every reset). */
  directDebitSelfService = (on: boolean) => this.call("POST", "settings", { direct_debit_self_service: on });
  /** Makes every card of a customer decline (or pay again): a subscription's first payment then fails. */
  declines = (customerId: string, declines = true) =>
    this.call<{ id: string; customer_id: string; declines: boolean }[]>("POST", "payment-methods/declines", { customer_id: customerId, declines });
  /** The codes sent to a customer, newest first. */
  emails = (customerId: string) => this.call<SentEmail[]>("GET", `emails?customer_id=${encodeURIComponent(customerId)}`);
  async latestCode(customerId: string): Promise<string> {
    const [latest] = await this.emails(customerId);
    if (!latest) throw new Error("no code was e-mailed");
    return latest.code;
  }
  async customerId(name: string): Promise<string> {
    const found = (await this.customers()).find((customer) => customer.name === name);
    if (!found) throw new Error(`no demo customer named ${name}`);
    return found.id;
  }
  /** A call to the merchant API with the sandbox's key, as the merchant makes one from outside the app. */
  async asMerchant(method: string, path: string, body: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}/v2/${path}`, {
      method,
      headers: { "x-api-key": DEFAULT_SANDBOX_API_KEY, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }
  /** Sets a subscription to end with its period, as the merchant's own dashboard would. */
  async scheduleEnd(subscriptionId: string): Promise<void> {
    const response = await this.asMerchant("PATCH", `subscriptions/${encodeURIComponent(subscriptionId)}`, { cancelAtPeriodEnd: true });
    if (!response.ok) throw new Error(`sandbox PATCH subscriptions/${subscriptionId}: ${response.status} ${await response.text()}`);
  }
}
