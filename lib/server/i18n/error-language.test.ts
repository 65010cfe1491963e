// A failure's words follow the reader's language: the app's API by the switcher's cookie, else the
// browser's Accept-Language; a server action by the page's language, which in the portal is the
// customer's RevKeen locale. Run as Next runs them, against the in-process sandbox.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { BrowserUnderTest } from "@/lib/testing/browser-under-test";
import { formData } from "@/lib/testing/form-data";

const browser = vi.hoisted(() => ({ current: null as BrowserUnderTest | null }));
vi.mock("next/headers", async () => (await import("@/lib/testing/browser-under-test")).nextHeadersOf(() => browser.current as BrowserUnderTest));

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.AUTH_URL = "http://127.0.0.1:3000";
process.env.REVKEEN_API_KEY = "";
process.env.DATABASE_URL = "";
process.env.DATABASE_DIR = "memory";

const { ADA_LOVELACE_ID, ADA_PRO, KENJI_SATO_ID } = await import("@/lib/sandbox/data/seed");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
const { signInAsDemoCustomer } = await import("@/lib/testing/sign-in-under-test");
const customerRoute = await import("@/app/api/portal/customer/route");
const { cancelSubscriptionAction } = await import("@/app/portal/subscriptions/[id]/actions");
const sessionRoute = await import("@/app/portal/session/route");
const { PORTAL_PAGE_HEADER } = await import("@/lib/server/i18n/portal-page-header");
const { database } = await import("@/lib/server/database/client");

beforeAll(async () => {
  await database();
}, 120_000);

beforeEach(() => {
  inProcessSandbox().reset();
  browser.current = new BrowserUnderTest();
});

async function message(response: Response): Promise<unknown> {
  return ((await response.json()) as { error?: { message?: unknown } }).error?.message;
}

/** An action sent from one of the portal's pages: the proxy marks those (proxy.ts). */
function fromPortalPage(own: BrowserUnderTest): void {
  const headers = own.headers.bind(own);
  own.headers = () => {
    const marked = headers();
    marked.set(PORTAL_PAGE_HEADER, "1");
    return marked;
  };
}

describe("the app's API", () => {
  it("words an error in the browser's language, matched by language alone", async () => {
    const own = browser.current as BrowserUnderTest;
    await signInAsDemoCustomer(own, ADA_LOVELACE_ID);
    const response = await customerRoute.GET(own.request("/api/portal/customer", { headers: { "accept-language": "fr-CA,en;q=0.5" } }), undefined);
    expect(response.status).toBe(401);
    expect(await message(response)).toBe("Votre session de facturation a expiré. Rouvrez-la pour continuer.");
  });

  it("prefers the switcher's choice to the browser's languages, and speaks English without either", async () => {
    const own = browser.current as BrowserUnderTest;
    await signInAsDemoCustomer(own, ADA_LOVELACE_ID);
    own.cookies.set("NEXT_LOCALE", "ja");
    const chosen = await customerRoute.GET(own.request("/api/portal/customer", { headers: { "accept-language": "fr" } }), undefined);
    expect(await message(chosen)).toBe("お支払い管理のセッションの有効期限が切れました。続けるにはもう一度開いてください。");
    own.cookies.delete("NEXT_LOCALE");
    const neither = await customerRoute.GET(own.request("/api/portal/customer", { headers: { "accept-language": "pt-BR" } }), undefined);
    expect(await message(neither)).toBe("Your billing session has expired. Reopen it to continue.");
  });
});

describe("a server action's refusal", () => {
  it("is worded in the switcher's language", async () => {
    const own = browser.current as BrowserUnderTest;
    await signInAsDemoCustomer(own, ADA_LOVELACE_ID);
    own.cookies.set("NEXT_LOCALE", "de");
    // No Idempotency-Key: refused before anything reaches RevKeen.
    const answer = await cancelSubscriptionAction({ status: "idle" }, formData({ subscriptionId: ADA_PRO }));
    expect(answer).toEqual({ status: "failed", code: "request:invalid", message: "Diese Anfrage ist ungültig." });
  });

  it("is worded in the customer's RevKeen locale on a portal page", async () => {
    const own = browser.current as BrowserUnderTest;
    await signInAsDemoCustomer(own, KENJI_SATO_ID);
    own.take(await sessionRoute.GET(own.request("/portal/session?next=/portal", { headers: { "sec-fetch-site": "same-origin" } })));
    fromPortalPage(own);
    const answer = await cancelSubscriptionAction({ status: "idle" }, formData({ subscriptionId: ADA_PRO }));
    expect(answer).toEqual({ status: "failed", code: "request:invalid", message: "このリクエストは無効です。" });
  });
});
