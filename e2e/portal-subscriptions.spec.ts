import { deterministicUuid } from "../lib/sandbox/data/ids";
import { ADA_PRO, captureCancelKeys, CUSTOMERS, detail, expect, signInToPortal, signInToPortalAt, test } from "./fixtures";

const ADA_LEGACY = deterministicUuid("subscription:ada:legacy-support");

test.describe("Subscriptions", () => {
  test("lists every subscription with its status, price and dates", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await page.getByRole("navigation", { name: "Billing" }).getByRole("link", { name: "Subscriptions" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Subscriptions" })).toBeVisible();
    const list = page.getByRole("list", { name: "Subscriptions" });
    await expect(list.getByRole("listitem")).toHaveCount(6);
    for (const status of ["Active", "Trialing", "Past due", "Canceled"]) {
      await expect(list.getByText(status, { exact: true }).first()).toBeVisible();
    }
    await expect(list.getByText(/^Cancels on \d{1,2} \w+ \d{4}$/)).toBeVisible();
    await expect(list.getByRole("link", { name: "£12.00 per month" })).toBeVisible();
    await expect(list.getByRole("link", { name: "€12.00 every 3 months" })).toBeVisible();
    await expect(list.getByText("Trial ends")).toBeVisible();
    await expect(list.getByText("Ended on")).toBeVisible();
  });

  test("shows an empty state for a customer with no subscriptions", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.empty, "/portal/subscriptions");
    await expect(page.getByText("You have no subscriptions.")).toBeVisible();
  });

  test("shows yen prices without decimals, in Japanese for a customer whose locale is ja-JP", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.yen, "/portal/subscriptions");
    await expect(page.getByRole("heading", { level: 1, name: "サブスクリプション" })).toBeVisible();
    await expect(page.getByRole("link", { name: /月額 [¥￥]980$/ })).toBeVisible();
    await page.getByRole("link", { name: /年額 [¥￥]9,800$/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: /年額 [¥￥]9,800$/ })).toBeVisible();
    await expect(detail(page, "開始日")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await expect(page.getByRole("button", { name: "解約する" })).toBeVisible();
  });

  test("shows one subscription's details, asking the server for the plan opened alone", async ({ page }) => {
    // Every request for a plan's page, fetched ahead ("ahead") or opened.
    const asked: string[] = [];
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (!pathname.startsWith("/portal/subscriptions/")) return;
      asked.push(`${pathname.slice("/portal/subscriptions/".length)}${request.headers()["next-router-prefetch"] === undefined ? "" : " ahead"}`);
    });
    await signInToPortalAt(page, CUSTOMERS.rich, "/portal/subscriptions");
    await expect(page.getByRole("navigation", { name: "Billing" })).toHaveAttribute("data-hydrated", "true");
    await page.getByRole("link", { name: "£12.00 per month" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "£12.00 per month" })).toBeVisible();
    expect(asked).toEqual([ADA_PRO]);
    await expect(page.getByTestId("subscription-status")).toHaveText("Active");
    await expect(detail(page, "Price")).toHaveText("£12.00 per month");
    await expect(detail(page, "Current period")).toHaveText(/^\d{1,2} \w+ \d{4} – \d{1,2} \w+ \d{4}$/);
    await expect(detail(page, "Renews on")).toHaveText(/^\d{1,2} \w+ \d{4}$/);
    await expect(detail(page, "Started")).toHaveText(/^\d{1,2} \w+ \d{4}$/);
  });
});

test.describe("A subscription's page keeping itself current", () => {
  // When it asks (not sooner than five seconds after a read, never twice at once, not while hidden) is
  // proved in focus-refresh.test.ts; here, that the page in the browser asks, draws the answer, and
  // keeps the last good copy when asking fails.
  test("shows a change made elsewhere when the tab regains focus, and keeps the last good copy when asking fails", async ({ page, sandbox }) => {
    await page.clock.install();
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_PRO}`);
    // The cancel button is drawn once the page is hydrated, and with it the page listens for focus.
    await expect(page.getByRole("button", { name: "Cancel subscription" })).toBeVisible();
    await expect(detail(page, "Renews on")).toBeVisible();
    await sandbox.resetCalls();
    await sandbox.scheduleEnd(ADA_PRO);

    await page.clock.fastForward("00:10");
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    // Waiting on the page, not on the response: the read is over only once its answer is drawn.
    await expect(detail(page, "Ends on")).toBeVisible();
    await expect(detail(page, "Renews on")).toHaveCount(0);
    expect(await sandbox.callsOf("subscriptions.get")).toHaveLength(1);

    await sandbox.fault({ operation: "subscriptions.get", status: 503, count: 10 });
    await page.clock.fastForward("00:10");
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await expect(page.getByTestId("refresh-problem")).toBeVisible();
    await expect(detail(page, "Ends on")).toBeVisible();
  });
});

test.describe("Cancelling a subscription", () => {
  test("Émilie, whose locale is fr-FR, cancels her plan in French, and RevKeen gets her reason in English", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.euro);
    await page.getByRole("navigation", { name: "Facturation" }).getByRole("link", { name: "Abonnements" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Abonnements" })).toBeVisible();
    await page.getByRole("main").getByRole("listitem").first().getByRole("link").first().click();
    await expect(page.getByTestId("subscription-status")).toHaveText("Actif");
    const periodEnd = (await detail(page, "Renouvellement le").textContent()) ?? "";

    await page.getByRole("button", { name: "Résilier l’abonnement" }).click();
    await expect(page.getByRole("form", { name: "Confirmer la résiliation" })).toBeFocused();
    await expect(page.getByTestId("cancel-consequence")).toHaveText(`Votre offre reste active jusqu’au ${periodEnd}. Vous ne serez plus débité.`);
    await page.getByRole("radio", { name: "C’est trop cher" }).check();
    await page.getByRole("button", { name: "Confirmer la résiliation" }).click();

    await expect(page.getByTestId("cancel-status")).toHaveText(`Votre abonnement prendra fin le ${periodEnd}.`);
    await expect(page.getByTestId("subscription-status")).toHaveText(`ActifRésiliation le ${periodEnd}`);
    await expect(page).toHaveTitle(/^Abonnement · /);
    const cancellation = (await sandbox.cancellations()).at(-1);
    expect(cancellation?.reason).toBe("It costs too much");
  });

  test("cancelling at the period end keeps the plan active until then", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_PRO}`);
    const periodEnd = (await detail(page, "Renews on").textContent()) ?? "";
    expect(periodEnd).toMatch(/^\d{1,2} \w+ \d{4}$/);

    await page.getByRole("button", { name: "Cancel subscription" }).click();
    await expect(page.getByRole("radio", { name: /At the end of the current period/ })).toBeChecked();
    await expect(page.getByTestId("cancel-consequence")).toHaveText(`Your plan stays active until ${periodEnd}. You won't be charged again.`);
    await page.getByRole("group", { name: "Why are you leaving? (optional)" }).getByRole("radio", { name: "It costs too much" }).check();
    await page.getByLabel("Anything else you'd like us to know? (optional)").fill("Found a cheaper plan");
    // The chosen reason and ": " come first within RevKeen's 500 characters.
    await expect(page.getByText("20 of 481 characters")).toBeVisible();
    await page.getByRole("button", { name: "Confirm cancellation" }).click();

    await expect(page.getByTestId("cancel-status")).toHaveText(`Your subscription will end on ${periodEnd}.`);
    await expect(page.getByTestId("subscription-status")).toHaveText(`ActiveCancels on ${periodEnd}`);
    await expect(detail(page, "Ends on")).toHaveText(periodEnd);
    // Already scheduled: the only choice left is to end it now.
    await expect(page.getByRole("button", { name: "Cancel now instead" })).toBeVisible();
    expect((await sandbox.calls()).by_operation["subscriptions.cancel"]).toBe(1);
    const cancellation = (await sandbox.cancellations()).find((entry) => entry.subscription_id === ADA_PRO);
    expect(cancellation?.reason).toBe("It costs too much: Found a cheaper plan");

    await page.reload();
    await expect(page.getByTestId("subscription-status")).toHaveText(`ActiveCancels on ${periodEnd}`);
    await page.goto("/portal/subscriptions");
    await expect(page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "£12.00 per month" }) })).toContainText(`Cancels on ${periodEnd}`);
  });

  test("opening the form moves focus to it, and keeping the subscription moves it back", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_PRO}`);
    const open = page.getByRole("button", { name: "Cancel subscription" });

    await open.click();
    await expect(page.getByRole("form", { name: "Confirm cancellation" })).toBeFocused();
    await page.getByRole("radio", { name: "It costs too much" }).check();
    await page.getByRole("button", { name: "Keep subscription" }).click();
    await expect(open).toBeFocused();

    // Opened again, it starts afresh.
    await open.press("Enter");
    await expect(page.getByRole("form", { name: "Confirm cancellation" })).toBeFocused();
    await expect(page.getByRole("radio", { name: "It costs too much" })).not.toBeChecked();
    expect((await sandbox.calls()).by_operation["subscriptions.cancel"] ?? 0).toBe(0);
  });

  test("a comment too long for the chosen reason is flagged, not cut short", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_PRO}`);
    await page.getByRole("button", { name: "Cancel subscription" }).click();
    const comment = page.getByLabel("Anything else you'd like us to know? (optional)");
    const confirm = page.getByRole("button", { name: "Confirm cancellation" });

    await comment.fill("x".repeat(490));
    await expect(page.getByText("490 of 500 characters")).toBeVisible();
    await page.getByRole("radio", { name: "It costs too much" }).check();
    await expect(page.getByText("490 of 481 characters: too long for the reason you chose")).toBeVisible();
    await expect(comment).toHaveValue("x".repeat(490));
    await expect(confirm).toBeDisabled();

    await comment.fill("x".repeat(481));
    await expect(page.getByText("481 of 481 characters")).toBeVisible();
    await confirm.click();
    await expect(page.getByTestId("cancel-status")).toContainText("Your subscription will end on");
    const cancellation = (await sandbox.cancellations()).find((entry) => entry.subscription_id === ADA_PRO);
    expect(cancellation?.reason).toHaveLength(500);
  });

  test("cancelling now ends the plan at once", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_PRO}`);

    await page.getByRole("button", { name: "Cancel subscription" }).click();
    await page.getByRole("radio", { name: "Now" }).check();
    await expect(page.getByTestId("cancel-consequence")).toHaveText("Your plan ends now. You won't be charged again.");
    await page.getByRole("button", { name: "Confirm cancellation" }).click();

    await expect(page.getByTestId("subscription-status")).toHaveText("Canceled");
    await expect(page.getByTestId("cancel-status")).toHaveText("Your subscription has been canceled.");
    await expect(page.getByRole("button", { name: /Cancel/ })).toHaveCount(0);
    await expect(detail(page, "Ended on")).toHaveText(/^\d{1,2} \w+ \d{4}$/);

    await page.reload();
    await expect(page.getByTestId("subscription-status")).toHaveText("Canceled");
  });

  test("a double click on confirm cancels once", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_PRO}`);
    const keys = await captureCancelKeys(page);

    await page.getByRole("button", { name: "Cancel subscription" }).click();
    await page.getByRole("radio", { name: "Now" }).check();
    await page.getByRole("button", { name: "Confirm cancellation" }).dblclick();

    await expect(page.getByTestId("cancel-status")).toHaveText("Your subscription has been canceled.");
    expect((await sandbox.calls()).by_operation["subscriptions.cancel"]).toBe(1);
    // The page sends a form once at a time, however often it is pressed (use-scripted-submit.ts).
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a canceled subscription offers no way to cancel", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_LEGACY}`);
    await expect(page.getByTestId("subscription-status")).toHaveText("Canceled");
    await expect(page.getByRole("button", { name: /Cancel/ })).toHaveCount(0);
  });
});
