// The upgrade's confirm page, rendered against the in-process sandbox: a customer with a plan of
// the product that is waiting for a payment is shown that plan and offered no second one, and a
// product RevKeen does not have sends the customer to the pricing page instead of an error page.
// The sign-in and the user's link to a customer are stood in for; the reads of RevKeen are real.
import { randomUUID } from "node:crypto";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ADA_LOVELACE_ID, ADA_PRO, EMILIE_DU_CHATELET_ID } from "@/lib/sandbox/data/seed";
import { testLocale } from "@/lib/testing/next-intl-server";
import { ADA_VISA } from "@/lib/sandbox/data/seed-payment-methods";
import { controlSandbox, portalErrorCode, withInProcessSandbox } from "@/lib/testing/sandbox-under-test";
import { restrictedProSeed } from "@/lib/testing/restricted-pro-seed";

const Redirected = vi.hoisted(
  () =>
    class Redirected extends Error {
      constructor(readonly url: string) {
        super(`redirected to ${url}`);
      }
    },
);
const signedIn = vi.hoisted(() => ({ user: { id: "github:page", provider: "github", emailVerified: true }, customerId: null as string | null }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));
vi.mock("next-intl/server", () => import("@/lib/testing/next-intl-server"));
const portalCookie = vi.hoisted(() => ({ session: { state: "missing" } as { state: string; session?: { token: string } } }));
vi.mock("@/lib/server/portal-session/sealed-cookie", () => ({ readPortalSession: async () => portalCookie.session }));
vi.mock("@/lib/server/auth/current-user", () => ({ currentUser: async () => signedIn.user }));
vi.mock("@/lib/server/billing-account/customer-id-for-user", () => ({ customerIdForUser: async () => signedIn.customerId }));
// The form's own behaviour is actions.test.ts's: here only whether it is offered.
vi.mock("./_components/subscribe-form", () => ({ SubscribeForm: () => <form data-testid="subscribe-form" /> }));

vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("AUTH_URL", "http://app.test");

const { default: UpgradePage } = await import("./page");
const { portalOptions } = await import("@/lib/shared/billing/portal-options");
const { retireAnswers } = await import("@/lib/server/entitlements/entitlement-cache");
const { createPortalSession } = await import("@/lib/server/revkeen-api/merchant");
const { cancelSubscription } = await import("@/lib/server/revkeen-api/customer-portal");
const { createSubscription } = await import("@/lib/server/revkeen-api/subscription-changes");
const { forgetProcessSingleton } = await import("@/lib/server/caching/process-singleton");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
const { createSandbox } = await import("@/lib/sandbox/entry/sandbox");

const BENEFIT = "pro-reports";
const proProduct = () => portalOptions.upgradeOffers[BENEFIT] ?? "";

async function page(): Promise<string> {
  const element = await UpgradePage({ params: Promise.resolve({ benefit: BENEFIT }), searchParams: Promise.resolve({ next: "/reports" }) } as PageProps<"/upgrade/[benefit]">);
  return renderToStaticMarkup(element as ReactElement);
}

beforeEach(async () => {
  signedIn.customerId = ADA_LOVELACE_ID;
  inProcessSandbox().reset();
  // Ada ends her Pro plan now: the reports lock, and the page offers Pro.
  const { token } = await createPortalSession({ customerId: ADA_LOVELACE_ID, idempotencyKey: randomUUID() });
  await cancelSubscription(token, ADA_PRO, { cancel_at_period_end: false }, randomUUID());
  retireAnswers(ADA_LOVELACE_ID);
  // Each test reads the product afresh, so a 404 is RevKeen's and not a cached answer's.
  forgetProcessSingleton("cache.offered-products");
});

describe("the upgrade's confirm page", () => {
  it("offers Pro to Ada, charged to her card", async () => {
    const markup = await page();
    expect(markup).toContain('data-testid="subscribe-form"');
    expect(markup).toContain('<p data-testid="upgrade-charge">£12.00 will be charged today to your Visa ending in 4242, then £12.00 per month until you cancel.</p>');
  });

  it("speaks the page's language", async () => {
    testLocale.current = "fr";
    try {
      const markup = await page();
      expect(markup).toContain("<h1>S&#x27;abonner à Pro</h1>");
      // Without the customer's own locale, the money follows the page's language too.
      expect(markup).toMatch(/sur votre Visa se terminant par 4242, puis 12,00\s£GB par mois jusqu&#x27;à ce que vous résiliiez\./u);
    } finally {
      testLocale.current = "en";
    }
  });

  it("writes the price in the customer's RevKeen locale when this browser holds their billing session", async () => {
    signedIn.customerId = EMILIE_DU_CHATELET_ID;
    const { token } = await createPortalSession({ customerId: EMILIE_DU_CHATELET_ID, idempotencyKey: randomUUID() });
    portalCookie.session = { state: "valid", session: { token } };
    try {
      const markup = await page();
      expect(markup).toMatch(/<p class="price">12,00\s£GB per month<\/p>/u);
    } finally {
      portalCookie.session = { state: "missing" };
    }
  });

  it("after a declined card, shows the plan waiting for its first payment with a link to it, and no Subscribe", async () => {
    await controlSandbox(inProcessSandbox(), "POST", "payment-methods/declines", { customer_id: ADA_LOVELACE_ID, declines: true });
    const declined = await createSubscription({ customerId: ADA_LOVELACE_ID, productId: proProduct(), paymentMethodId: ADA_VISA }, randomUUID());
    expect(declined.status).toBe("incomplete");
    const markup = await page();
    expect(markup).toContain('data-testid="upgrade-existing-plan"');
    expect(markup).toContain("first payment didn&#x27;t go through");
    expect(markup).toContain(`href="/portal/subscriptions/${declined.id}"`);
    expect(markup).not.toContain('data-testid="subscribe-form"');
  });

  it("shows a plan of the product that dunning restricted, with a link to it, and does not sell it again", async () => {
    await withInProcessSandbox(createSandbox({ seed: restrictedProSeed }), async () => {
      retireAnswers(ADA_LOVELACE_ID);
      const markup = await page();
      expect(markup).toContain("access is paused until that payment is made");
      expect(markup).toContain(`href="/portal/subscriptions/${ADA_PRO}"`);
      expect(markup).not.toContain('data-testid="subscribe-form"');
    });
    retireAnswers(ADA_LOVELACE_ID);
  });

  it("offers the pricing page, not an error page, when RevKeen has no such product", async () => {
    await controlSandbox(inProcessSandbox(), "POST", "faults", { operation: "products.get", status: 404, count: 5 });
    const markup = await page();
    expect(markup).toContain('data-testid="upgrade-not-offered"');
    expect(markup).toContain('href="/pricing"');
    expect(markup).not.toContain('data-testid="subscribe-form"');
  });

  it("leaves an outage to the error page's retry card: the plan exists and will show again", async () => {
    await controlSandbox(inProcessSandbox(), "POST", "faults", { operation: "products.get", status: 503, count: 5 });
    expect(await portalErrorCode(page())).toBe("upstream:unavailable");
  });
});
