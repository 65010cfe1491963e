// Which language a request is answered in, run against the in-process sandbox as a signed-in
// demo customer: the switcher's cookie beats everything; in the portal (the header proxy.ts sets)
// the customer's RevKeen locale, by its language, else English; otherwise, and for a customer
// without one, the browser's Accept-Language. The locale is read once per billing session.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { BrowserUnderTest } from "@/lib/testing/browser-under-test";

const request = vi.hoisted(() => ({ browser: null as BrowserUnderTest | null, headers: {} as Record<string, string> }));
vi.mock("next/headers", () => ({
  headers: async () => {
    const headers = (request.browser as BrowserUnderTest).headers();
    for (const [name, value] of Object.entries(request.headers)) headers.set(name, value);
    return headers;
  },
  cookies: async () => (request.browser as BrowserUnderTest).jar(),
}));

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.REVKEEN_API_KEY = "";
process.env.REVKEEN_TIMEOUT_MS = "300";
process.env.DATABASE_URL = "";
process.env.DATABASE_DIR = "memory";
// Each test mints as a demo customer; the limits are not what these tests are about.
process.env.PORTAL_MINTS_PER_MINUTE_PER_USER = "1000";
process.env.PORTAL_MINTS_PER_MINUTE_PER_IP = "1000";

const { ADA_LOVELACE_ID, createSeed, EMILIE_DU_CHATELET_ID, GRACE_HOPPER_ID, KENJI_SATO_ID } = await import("@/lib/sandbox/data/seed");
const { createSandbox } = await import("@/lib/sandbox/entry/sandbox");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
const { BrowserUnderTest: Browser } = await import("@/lib/testing/browser-under-test");
const { callCount, controlSandbox, withInProcessSandbox } = await import("@/lib/testing/sandbox-under-test");
const { signInAsDemoCustomer } = await import("@/lib/testing/sign-in-under-test");
const { currentUser } = await import("@/lib/server/auth/current-user");
const { mintPortalSession } = await import("@/lib/server/portal-session/mint");
const { database } = await import("@/lib/server/database/client");
const { PORTAL_PAGE_HEADER } = await import("./portal-page-header");
const { requestLocale } = await import("./request-locale");

/** As the sandbox's call log names the portal's read of its own customer. */
const CUSTOMER_READ = "customer.get";
const PORTAL_PAGE = { [PORTAL_PAGE_HEADER]: "1" };

/** A browser signed in as `customerId` with a billing session of its own, as after "Manage billing". */
async function inThePortalAs(customerId: string): Promise<void> {
  request.browser = new Browser();
  await signInAsDemoCustomer(request.browser, customerId);
  const user = await currentUser();
  if (user === null) throw new Error("not signed in");
  await mintPortalSession(user);
  await controlSandbox(inProcessSandbox(), "DELETE", "calls");
}

/** The language of one request from this browser with these headers. */
function localeOf(headers: Record<string, string>): Promise<string> {
  request.headers = headers;
  return requestLocale();
}

/** A sandbox whose Grace has `locale` in RevKeen. */
function sandboxWhereGraceHas(locale: string | null) {
  return createSandbox({
    seed: (now) => {
      const data = createSeed(now);
      return { ...data, customers: data.customers.map((customer) => (customer.id === GRACE_HOPPER_ID ? { ...customer, locale } : customer)) };
    },
  });
}

beforeAll(() => database(), 120_000);

beforeEach(() => {
  inProcessSandbox().reset();
  request.headers = {};
});

describe("the switcher's cookie", () => {
  it("beats the customer's locale and the browser's languages, without asking RevKeen", async () => {
    await inThePortalAs(KENJI_SATO_ID);
    request.browser?.cookies.set("NEXT_LOCALE", "de");
    expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "fr" })).toBe("de");
    expect(await localeOf({ "accept-language": "fr" })).toBe("de");
    expect(await callCount(inProcessSandbox(), CUSTOMER_READ)).toBe(0);
  });

  it.each(["pt", "EN", "fr-CA", "", "../en"])("counts for nothing when it names %j, a language we do not have", async (value) => {
    await inThePortalAs(KENJI_SATO_ID);
    request.browser?.cookies.set("NEXT_LOCALE", value);
    expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "fr" })).toBe("ja");
    expect(await localeOf({ "accept-language": "fr" })).toBe("fr");
  });
});

describe("in the portal", () => {
  it("speaks the customer's RevKeen locale, whatever the browser says", async () => {
    await inThePortalAs(KENJI_SATO_ID);
    expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "fr-FR,fr;q=0.9" })).toBe("ja");
    await inThePortalAs(EMILIE_DU_CHATELET_ID);
    expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "ja" })).toBe("fr");
    await inThePortalAs(ADA_LOVELACE_ID);
    expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "de" })).toBe("en");
  });

  it("speaks English to a customer whose locale is one we do not have", async () => {
    await withInProcessSandbox(sandboxWhereGraceHas("pt-BR"), async () => {
      await inThePortalAs(GRACE_HOPPER_ID);
      expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "fr" })).toBe("en");
    });
  });

  it("follows the browser's languages for a customer without a locale", async () => {
    await withInProcessSandbox(sandboxWhereGraceHas(null), async () => {
      await inThePortalAs(GRACE_HOPPER_ID);
      expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "fr-CA" })).toBe("fr");
      expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "pt-BR" })).toBe("en");
      expect(await callCount(inProcessSandbox(), CUSTOMER_READ)).toBe(1);
    });
  });

  it("follows the browser's languages with no billing session, or none of this user's", async () => {
    request.browser = new Browser();
    await signInAsDemoCustomer(request.browser, KENJI_SATO_ID);
    expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "de" })).toBe("de");
    request.browser = new Browser();
    expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "es" })).toBe("es");
  });

  it("follows the browser's languages while RevKeen cannot say, and asks again on the next page", async () => {
    await inThePortalAs(KENJI_SATO_ID);
    await controlSandbox(inProcessSandbox(), "POST", "faults", { operation: CUSTOMER_READ, status: 500, count: 10 });
    expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "de" })).toBe("de");
    await controlSandbox(inProcessSandbox(), "DELETE", "faults");
    await controlSandbox(inProcessSandbox(), "DELETE", "calls");
    expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "de" })).toBe("ja");
    expect(await callCount(inProcessSandbox(), CUSTOMER_READ)).toBe(1);
  });

  it("reads the customer's locale once per billing session, and again for a new one", async () => {
    await inThePortalAs(KENJI_SATO_ID);
    expect(await localeOf({ ...PORTAL_PAGE })).toBe("ja");
    expect(await localeOf({ ...PORTAL_PAGE })).toBe("ja");
    expect(await localeOf({ ...PORTAL_PAGE, "accept-language": "de" })).toBe("ja");
    expect(await callCount(inProcessSandbox(), CUSTOMER_READ)).toBe(1);

    // A new session, a moment later, as "Manage billing" pressed again mints one.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 1_000 });
    try {
      const user = await currentUser();
      if (user === null) throw new Error("not signed in");
      await mintPortalSession(user);
    } finally {
      vi.useRealTimers();
    }
    expect(await localeOf({ ...PORTAL_PAGE })).toBe("ja");
    expect(await callCount(inProcessSandbox(), CUSTOMER_READ)).toBe(2);
  });
});

describe("outside the portal", () => {
  it("follows the browser's languages, not the signed-in customer's locale, and asks RevKeen nothing", async () => {
    await inThePortalAs(KENJI_SATO_ID);
    expect(await localeOf({ "accept-language": "fr-CA,en;q=0.5" })).toBe("fr");
    expect(await localeOf({ "accept-language": "de" })).toBe("de");
    expect(await localeOf({ "accept-language": "pt-BR" })).toBe("en");
    expect(await localeOf({})).toBe("en");
    expect(await callCount(inProcessSandbox(), CUSTOMER_READ)).toBe(0);
  });

  it("counts the portal's header only as exactly what proxy.ts sets", async () => {
    await inThePortalAs(KENJI_SATO_ID);
    expect(await localeOf({ [PORTAL_PAGE_HEADER]: "true", "accept-language": "de" })).toBe("de");
    expect(await callCount(inProcessSandbox(), CUSTOMER_READ)).toBe(0);
  });
});
