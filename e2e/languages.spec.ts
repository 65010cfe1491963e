import type { Page } from "@playwright/test";
import type { AppLocale } from "../lib/shared/i18n/locales";
import { seriousViolations } from "./axe-violations";
import { CUSTOMERS, expect, NOT_ON_PHONE, portalPages, signInToPortalWithTheForm as signInToPortal, signInWithTheForm as signIn, test } from "./fixtures";
import { messagePattern, messagesFor, signInWords } from "./messages-for";

// Every name below is read from messages/<language>.json: each test finds what a customer of
// that language reads. The test browser sends Accept-Language: en-US unless a describe says
// otherwise; Kenji's RevKeen locale is ja-JP, Émilie's fr-FR.

type Translate = ReturnType<typeof messagesFor>;

const en = messagesFor("en");
const fr = messagesFor("fr");
const ja = messagesFor("ja");

/** Chooses `locale` in the footer's switcher, whose words are those of `t` (the page's language). */
async function chooseLanguage(page: Page, t: Translate, locale: AppLocale): Promise<void> {
  const footer = page.getByRole("contentinfo");
  await footer.getByRole("combobox", { name: t("LanguageSwitcher.label") }).selectOption(locale);
  await footer.getByRole("button", { name: t("LanguageSwitcher.submit"), exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** The sign-in page says it in `t`'s language, and so does `<html lang>`. */
async function expectSignInPageIn(page: Page, t: Translate, locale: AppLocale): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByRole("heading", { level: 1, name: t("SignIn.title") })).toBeVisible();
}

/** The portal's overview says it in `t`'s language, and so does `<html lang>`. */
async function expectOverviewIn(page: Page, t: Translate, locale: AppLocale): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByRole("heading", { level: 1, name: t("Overview.heading") })).toBeVisible();
}

function billingNav(page: Page, t: Translate) {
  return page.getByRole("navigation", { name: t("Portal.navLabel") });
}

/** Signs out from the header, as `t`'s language names its button. */
async function signOut(page: Page, t: Translate): Promise<void> {
  await page.getByRole("navigation", { name: t("SiteHeader.account") }).getByRole("button", { name: t("SiteHeader.signOut") }).click();
  await expect(page.getByRole("link", { name: t("SiteHeader.signIn") }).first()).toBeVisible();
}

test.describe("The language switcher", NOT_ON_PHONE, () => {
  test("changes the language of the page and <html lang>, and is remembered across pages and after signing out and in", async ({ page, context }) => {
    await page.goto("/sign-in");
    await expectSignInPageIn(page, en, "en");
    await chooseLanguage(page, en, "fr");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expectSignInPageIn(page, fr, "fr");

    // A cookie the page's scripts cannot read, for about a year.
    const [cookie] = (await context.cookies()).filter((entry) => entry.name === "NEXT_LOCALE");
    expect(cookie).toMatchObject({ value: "fr", httpOnly: true, sameSite: "Lax", path: "/" });
    expect((cookie?.expires ?? 0) * 1000 - Date.now()).toBeGreaterThan(364 * 24 * 60 * 60 * 1000);

    await signIn(page, CUSTOMERS.rich, signInWords(fr));
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await signOut(page, fr);
    await page.goto("/sign-in");
    await expectSignInPageIn(page, fr, "fr");
    await signIn(page, CUSTOMERS.rich, signInWords(fr));
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("changes the language with the plain form, back on the same page, and remembers it after signing out and in", async ({ page }) => {
      const de = messagesFor("de");
      await page.goto("/sign-in");
      await chooseLanguage(page, en, "ja");
      await expect(page).toHaveURL(/\/sign-in$/);
      await expectSignInPageIn(page, ja, "ja");
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "ja");
      await chooseLanguage(page, ja, "de");
      await expect(page).toHaveURL(/\/$/);
      await signIn(page, CUSTOMERS.rich, signInWords(de));
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await signOut(page, de);
      await page.goto("/sign-in");
      await expectSignInPageIn(page, de, "de");
    });
  });

  test("overrides the customer's own language in the portal, on every page after", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.yen);
    await expectOverviewIn(page, ja, "ja");
    await chooseLanguage(page, ja, "en");
    await expect(page).toHaveURL(/\/portal$/);
    await expectOverviewIn(page, en, "en");
    await billingNav(page, en).getByRole("link", { name: en("Portal.navInvoices") }).click();
    await expect(page.getByRole("table", { name: en("Invoices.listCaption") })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test.describe("The browser's languages, outside the portal", NOT_ON_PHONE, () => {
  for (const [acceptLanguage, locale] of [
    ["fr-CA", "fr"],
    ["de", "de"],
    ["pt-BR", "en"],
  ] as const) {
    test.describe(`a browser asking for ${acceptLanguage}`, () => {
      test.use({ locale: acceptLanguage });

      test(`gets the sign-in and account pages in ${locale}`, async ({ page }) => {
        const t = messagesFor(locale);
        await page.goto("/sign-in");
        await expectSignInPageIn(page, t, locale);
        await signIn(page, CUSTOMERS.rich, signInWords(t));
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1, name: t("Home.title") })).toBeVisible();
      });
    });
  }
});

test.describe("The customer's language in the portal", NOT_ON_PHONE, () => {
  test.describe("for a browser asking for French", () => {
    test.use({ locale: "fr-FR" });

    test("is Japanese for Kenji, on every page, while the sign-in page follows the browser", async ({ page }) => {
      await page.goto("/sign-in");
      await expectSignInPageIn(page, fr, "fr");
      await signInToPortal(page, CUSTOMERS.yen, signInWords(fr));
      await expectOverviewIn(page, ja, "ja");
      await page.goto("/portal/invoices");
      await expect(page.getByRole("table", { name: ja("Invoices.listCaption") })).toBeVisible();
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    });
  });

  test.describe("for a browser asking for Japanese", () => {
    test.use({ locale: "ja-JP" });

    test("is French for Émilie, while the sign-in page follows the browser", async ({ page }) => {
      await page.goto("/sign-in");
      await expectSignInPageIn(page, ja, "ja");
      await signInToPortal(page, CUSTOMERS.euro, signInWords(ja));
      await expectOverviewIn(page, fr, "fr");
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    });
  });
});

/**
 * The whole visit in the customer's language, the browser asking for it too: sign in, open
 * billing, look at a plan, cancel it at the period end, look at an invoice, sign out.
 */
async function wholeVisit(page: Page, name: string, t: Translate, locale: AppLocale): Promise<void> {
  await page.goto("/sign-in");
  await expectSignInPageIn(page, t, locale);
  await signInToPortal(page, name, signInWords(t));
  await expectOverviewIn(page, t, locale);
  await expect(page).toHaveTitle(messagePattern((brand) => t("Metadata.titleTemplate", { page: t("Overview.title"), brand })));
  await expect(page.getByTestId("portal-customer-name")).toHaveText(name);

  await billingNav(page, t).getByRole("link", { name: t("Portal.navSubscriptions") }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("Subscriptions.heading") })).toBeVisible();
  await page.getByRole("main").getByRole("listitem").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/portal\/subscriptions\/[0-9a-f-]{36}$/);

  await page.getByRole("button", { name: t("CancelPlan.open") }).click();
  await page.getByRole("button", { name: t("CancelPlan.confirm") }).click();
  await expect(page.getByTestId("cancel-status")).toHaveText(messagePattern((date) => t("CancelPlan.endsOn", { date })));
  await expect(page.getByTestId("subscription-status")).toContainText(messagePattern((date) => t("Subscriptions.cancelsOn", { date }), { within: true }));

  await billingNav(page, t).getByRole("link", { name: t("Portal.navInvoices") }).click();
  const invoices = page.getByRole("table", { name: t("Invoices.listCaption") });
  await expect(invoices).toBeVisible();
  await expect(page).toHaveTitle(messagePattern((brand) => t("Metadata.titleTemplate", { page: t("Invoices.title"), brand })));
  await invoices.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/portal\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.locator("dt", { hasText: new RegExp(`^${t("Invoices.total")}$`) })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);

  await signOut(page, t);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

test.describe("A whole visit in the customer's language", () => {
  test.describe("in Japanese", () => {
    test.use({ locale: "ja-JP" });

    test(`${CUSTOMERS.yen} signs in, opens billing, cancels a plan at the period end and reads an invoice in Japanese`, async ({ page }) => {
      await wholeVisit(page, CUSTOMERS.yen, ja, "ja");
    });
  });

  test.describe("in French", NOT_ON_PHONE, () => {
    test.use({ locale: "fr-FR" });

    test(`${CUSTOMERS.euro} signs in, opens billing, cancels a plan at the period end and reads an invoice in French`, async ({ page }) => {
      await wholeVisit(page, CUSTOMERS.euro, fr, "fr");
    });
  });
});

test.describe("Accessibility in Japanese", NOT_ON_PHONE, () => {
  test("the sign-in and account pages, with the switcher on Japanese, have no serious or critical axe violation", async ({ page }) => {
    await page.goto("/sign-in");
    await chooseLanguage(page, en, "ja");
    expect(await seriousViolations(page), "/sign-in").toEqual([]);
    await signIn(page, CUSTOMERS.rich, signInWords(ja));
    expect(await seriousViolations(page), "/").toEqual([]);
  });

  test(`every kind of portal page of ${CUSTOMERS.yen}, in Japanese, has no serious or critical axe violation`, async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.yen);
    for (const path of await portalPages(page)) {
      await page.goto(path);
      await expect(page.getByTestId("portal-customer-name")).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "ja");
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  test(`${CUSTOMERS.yen}'s cancel form and its outcome, in Japanese, have no serious or critical axe violation`, async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.yen);
    await billingNav(page, ja).getByRole("link", { name: ja("Portal.navSubscriptions") }).click();
    await page.getByRole("main").getByRole("listitem").first().getByRole("link").first().click();
    await page.getByRole("button", { name: ja("CancelPlan.open") }).click();
    const confirm = page.getByRole("button", { name: ja("CancelPlan.confirm") });
    await expect(confirm).toBeVisible();
    expect(await seriousViolations(page), "open form").toEqual([]);
    await confirm.click();
    await expect(page.getByTestId("cancel-status")).toHaveText(messagePattern((date) => ja("CancelPlan.endsOn", { date })));
    expect(await seriousViolations(page), "scheduled").toEqual([]);
  });
});
