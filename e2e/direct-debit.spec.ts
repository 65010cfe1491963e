import type { Page } from "@playwright/test";
import {
  ADA_MANDATE,
  ADA_OLD_MANDATE,
  captureActionKeys,
  CUSTOMERS,
  detail,
  expect,
  fillNewBankAccount,
  NEW_BANK_ACCOUNT,
  chooseLanguage,
  signInToPortal, signInToPortalAt,
  test,
  verifyForBankChange,
  type SandboxControls,
} from "./fixtures";

function mandate(page: Page, title: string) {
  return page.getByRole("article", { name: title });
}

/** The Idempotency-Key of every mandate cancel the page sends from now on, in order. */
function captureMandateCancelKeys(page: Page): Promise<string[]> {
  return captureActionKeys(page, /^\/portal\/direct-debit$/);
}

async function openDirectDebit(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Billing" }).getByRole("link", { name: "Direct Debit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Direct Debit" })).toBeVisible();
}

/** Step one of a change of bank, done: the code is in the sandbox's mail. */
async function askForCode(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByLabel("6-digit code")).toBeVisible();
}

async function upstreamCalls(sandbox: SandboxControls, operation: string): Promise<number> {
  return (await sandbox.calls()).by_operation[operation] ?? 0;
}

test.describe("Direct Debit", () => {
  test("lists the customer's mandates: status in words, bank, holder, the last four digits, reference, next collection", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await openDirectDebit(page);
    const mandates = (await (await page.request.get("/api/portal/mandates")).json()) as { data: { id: string; next_collection_date: string }[] };
    const active = mandates.data.find((candidate) => candidate.id === ADA_MANDATE);
    const collects = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(active?.next_collection_date ?? ""));

    const barclays = mandate(page, "Barclays •••• 4321");
    await expect(barclays.getByText("Active", { exact: true })).toBeVisible();
    await expect(detail(page, "Account holder").first()).toHaveText("Ada Lovelace");
    await expect(barclays.locator("dd")).toHaveText(["Ada Lovelace", "•••• 4321", "Barclays", "RK-ADA-0001", collects]);
    await expect(barclays.getByRole("link", { name: "Change bank account" })).toBeVisible();

    const lloyds = mandate(page, "Lloyds Bank •••• 7788");
    await expect(lloyds.getByText("Cancelled", { exact: true })).toBeVisible();
    await expect(lloyds.locator("dd")).toHaveText(["Ada Lovelace", "•••• 7788", "Lloyds Bank", "RK-ADA-0000", "—"]);
    // Nothing to change or cancel on a cancelled one.
    await expect(lloyds.getByRole("link", { name: "Change bank account" })).toHaveCount(0);
    await expect(lloyds.getByText("Cancel this Direct Debit")).toHaveCount(0);
  });

  test("says so when a customer has no Direct Debit", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.empty);
    await openDirectDebit(page);
    await expect(page.getByText("You have no Direct Debits.")).toBeVisible();
  });

  test("is absent, not an error, where the merchant has no Direct Debit self-service", async ({ page, sandbox }) => {
    await sandbox.directDebitSelfService(false);
    await signInToPortal(page, CUSTOMERS.rich);
    const navigation = page.getByRole("navigation", { name: "Billing" });
    await expect(navigation.getByRole("link", { name: "Invoices" })).toBeVisible();
    await expect(navigation.getByRole("link", { name: "Direct Debit" })).toHaveCount(0);
    for (const path of ["/portal/direct-debit", `/portal/direct-debit/${ADA_MANDATE}/change-bank`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByTestId("portal-not-found"), path).toBeVisible();
    }
    expect((await page.request.get("/api/portal/mandates")).status()).toBe(403);
  });

  test("a list RevKeen failed shows a readable error and Try again brings it", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    // Two: the server retries a failed read once.
    await sandbox.fault({ operation: "mandates.list", status: 503, count: 2 });
    const response = await page.goto("/portal/direct-debit");
    expect(response?.status()).toBe(500);
    const problem = page.getByTestId("portal-error");
    await expect(problem).toContainText("We couldn't load your billing right now");
    await problem.getByRole("button", { name: "Try again" }).click();
    await expect(mandate(page, "Barclays •••• 4321")).toBeVisible();
  });

  test("a malformed or unknown mandate is a 404 page", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.empty);
    for (const path of ["/portal/direct-debit/not-a-mandate/change-bank", `/portal/direct-debit/${ADA_MANDATE}/change-bank`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByTestId("portal-not-found"), path).toBeVisible();
    }
  });
});

test.describe("Cancelling a Direct Debit", () => {
  test("says what stops and what may follow, then cancels with the reason given, once", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, "/portal/direct-debit");
    const keys = await captureMandateCancelKeys(page);
    await sandbox.resetCalls();
    const barclays = mandate(page, "Barclays •••• 4321");
    await barclays.getByText("Cancel this Direct Debit").click();
    const form = barclays.getByRole("form", { name: "Confirm cancelling this Direct Debit" });
    await expect(form.getByTestId("mandate-cancel-consequence")).toContainText("stops every future collection");
    await expect(form.getByTestId("mandate-cancel-consequence")).toContainText("may then fail");
    await form.getByLabel("Why are you cancelling? (optional)").fill("Moving banks");
    await form.getByRole("button", { name: "Confirm cancellation" }).dblclick();

    await expect(barclays.getByTestId("mandate-cancel-status")).toHaveText("Your Direct Debit has been cancelled. No more payments will be collected with it.");
    await expect(barclays.getByText("Cancelled", { exact: true })).toBeVisible();
    await expect(barclays.getByRole("link", { name: "Change bank account" })).toHaveCount(0);
    expect(keys).toHaveLength(1);
    expect(await upstreamCalls(sandbox, "mandates.cancel")).toBe(1);
    await page.reload();
    await expect(mandate(page, "Barclays •••• 4321").getByText("Cancelled", { exact: true })).toBeVisible();
  });

  test("one cancelled elsewhere meanwhile shows as cancelled, not as a failure", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, "/portal/direct-debit");
    const barclays = mandate(page, "Barclays •••• 4321");
    await barclays.getByText("Cancel this Direct Debit").click();
    // Another tab of the same customer cancels first.
    const elsewhere = await page.context().newPage();
    await elsewhere.goto("/portal/direct-debit");
    const there = mandate(elsewhere, "Barclays •••• 4321");
    await there.getByText("Cancel this Direct Debit").click();
    await there.getByRole("button", { name: "Confirm cancellation" }).click();
    await expect(there.getByText("Cancelled", { exact: true })).toBeVisible();
    await elsewhere.close();
    await barclays.getByRole("button", { name: "Confirm cancellation" }).click();
    const status = barclays.getByTestId("mandate-cancel-status");
    await expect(status).toHaveText("This Direct Debit is already cancelled.");
    await expect(status).not.toHaveClass(/notice-error/);
    await expect(barclays.getByText("Cancelled", { exact: true })).toBeVisible();
  });

  test("a failed cancel says so and sending it again reuses its key", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, "/portal/direct-debit");
    const keys = await captureMandateCancelKeys(page);
    const barclays = mandate(page, "Barclays •••• 4321");
    await barclays.getByText("Cancel this Direct Debit").click();
    // Two: a cancel is retried once with the same key before the customer hears of it.
    await sandbox.fault({ operation: "mandates.cancel", status: 503, count: 2 });
    await barclays.getByRole("button", { name: "Confirm cancellation" }).click();
    const status = barclays.getByTestId("mandate-cancel-status");
    await expect(status).toHaveText("We couldn't cancel your Direct Debit. Billing is not reachable right now. Please try again.");
    await expect(status).toHaveClass(/notice-error/);
    await expect(barclays.getByText("Active", { exact: true })).toBeVisible();
    await barclays.getByRole("button", { name: "Confirm cancellation" }).click();
    await expect(barclays.getByText("Cancelled", { exact: true })).toBeVisible();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });
});

test.describe("Changing a Direct Debit's bank account", () => {
  test("with the code e-mailed to the customer, the new account, and both confirmations: the mandate shows as being set up", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await openDirectDebit(page);
    await mandate(page, "Barclays •••• 4321").getByRole("link", { name: "Change bank account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Change bank account" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Step 1 of 3: Confirm it's you" })).toBeVisible();
    await page.getByRole("button", { name: "Send code" }).click();
    await expect(page.getByTestId("change-bank-message")).toHaveText("We've e-mailed a 6-digit code to ada@example.com.");
    await expect(page.getByRole("heading", { name: "Step 2 of 3: Enter your code" })).toBeFocused();
    const code = await sandbox.latestCode(await sandbox.customerId(CUSTOMERS.rich));
    await page.getByLabel("6-digit code").fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Step 3 of 3: Your new bank account" })).toBeFocused();

    // Inputs as a bank's site sets them: no autofill of bank details, a numeric keypad.
    for (const label of ["Sort code", "Account number"]) {
      await expect(page.getByLabel(label)).toHaveAttribute("autocomplete", "off");
      await expect(page.getByLabel(label)).toHaveAttribute("inputmode", "numeric");
    }
    await fillNewBankAccount(page);
    await page.getByRole("button", { name: "Change bank account" }).click();

    await expect(page).toHaveURL(/\/portal\/direct-debit\?outcome=changed$/);
    await expect(page.getByTestId("direct-debit-outcome")).toContainText("Your new bank details were sent.");
    const changed = mandate(page, "Barclays •••• 9911");
    await expect(changed.getByText("Being set up", { exact: true })).toBeVisible();
    await expect(changed.locator("dd").first()).toHaveText(NEW_BANK_ACCOUNT.holder);
    // The verification was used: nothing is left to change the account again with.
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("revkeen-dd-verified");
  });

  test("a wrong code is refused in a plain sentence, and the right one still works", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/direct-debit/${ADA_MANDATE}/change-bank`);
    await askForCode(page);
    const code = await sandbox.latestCode(await sandbox.customerId(CUSTOMERS.rich));
    await page.getByLabel("6-digit code").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("change-bank-message")).toHaveText("That code isn't right. Check it and try again, or ask for a new code.");
    await expect(page.getByLabel("6-digit code")).toHaveValue("");
    await page.getByLabel("6-digit code").fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByLabel("Account holder name")).toBeVisible();
  });

  test("an expired code asks for a new one, and the new code works", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/direct-debit/${ADA_MANDATE}/change-bank`);
    await askForCode(page);
    const customer = await sandbox.customerId(CUSTOMERS.rich);
    const first = await sandbox.latestCode(customer);
    await sandbox.advanceClock(10 * 60 + 1);
    await page.getByLabel("6-digit code").fill(first);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("change-bank-message")).toHaveText("That code has expired. Ask for a new code.");
    await page.getByRole("button", { name: "Send a new code" }).click();
    await expect(page.getByTestId("change-bank-message")).toHaveText("We've e-mailed a 6-digit code to ada@example.com.");
    expect(await sandbox.emails(customer)).toHaveLength(2);
    await page.getByLabel("6-digit code").fill(await sandbox.latestCode(customer));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByLabel("Account holder name")).toBeVisible();
  });

  test("after five wrong tries even the right code is refused until a new one is sent", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/direct-debit/${ADA_MANDATE}/change-bank`);
    await askForCode(page);
    const code = await sandbox.latestCode(await sandbox.customerId(CUSTOMERS.rich));
    const message = page.getByTestId("change-bank-message");
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.getByLabel("6-digit code").fill(code === "000000" ? "111111" : "000000");
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(message).toHaveText("That code isn't right. Check it and try again, or ask for a new code.");
      await expect(page.getByLabel("6-digit code")).toHaveValue("");
    }
    await page.getByLabel("6-digit code").fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(message).toHaveText("That code was entered wrongly too many times. Ask for a new code.");
    await expect(page.getByLabel("Account holder name")).toHaveCount(0);
  });

  test("a failure on sending or checking the code reads as a sentence and the step can be repeated", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/direct-debit/${ADA_MANDATE}/change-bank`);
    const message = page.getByTestId("change-bank-message");
    // Once: a step without an Idempotency-Key is never repeated by the server.
    await sandbox.fault({ operation: "mandates.send_otp", status: 503 });
    await page.getByRole("button", { name: "Send code" }).click();
    await expect(message).toHaveText("Billing is not reachable right now. Please try again.");
    await page.getByRole("button", { name: "Send code" }).click();
    await expect(page.getByLabel("6-digit code")).toBeVisible();

    await sandbox.fault({ operation: "mandates.verify_otp", status: 503 });
    await page.getByLabel("6-digit code").fill(await sandbox.latestCode(await sandbox.customerId(CUSTOMERS.rich)));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(message).toHaveText("Billing is not reachable right now. Please try again.");
  });

  test("new details RevKeen may have taken (502) are never sent again: the customer is told not to", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await verifyForBankChange(page, sandbox);
    await fillNewBankAccount(page);
    await sandbox.resetCalls();
    await sandbox.fault({ operation: "mandates.reauthorize", status: 502 });
    await page.getByRole("button", { name: "Change bank account" }).click();
    await expect(page.getByTestId("change-bank-message")).toHaveText(
      "We couldn't confirm whether your new bank details were saved. Please don't send them again: we'll check and let you know.",
    );
    await expect(page.getByRole("heading", { name: "Where your change stands" })).toBeFocused();
    await expect(page.getByLabel("Account number")).toHaveCount(0);
    expect(await upstreamCalls(sandbox, "mandates.reauthorize")).toBe(1);
    // The verification is spent too: the same details cannot go again from another tab.
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("revkeen-dd-verified");
  });

  test("bank-detail storage being down changes nothing and the same details can be sent later", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await verifyForBankChange(page, sandbox);
    await fillNewBankAccount(page);
    await sandbox.fault({ operation: "mandates.reauthorize", status: 503 });
    await page.getByRole("button", { name: "Change bank account" }).click();
    await expect(page.getByTestId("change-bank-message")).toHaveText(
      "Bank details can't be stored securely right now, so nothing was changed. Please try again later.",
    );
    // What the customer typed stays in the form (in this page only) to send again.
    await expect(page.getByLabel("Account number")).toHaveValue(NEW_BANK_ACCOUNT.accountNumber);
    await page.getByRole("button", { name: "Change bank account" }).click();
    await expect(page).toHaveURL(/outcome=changed$/);
    await expect(mandate(page, "Barclays •••• 9911")).toBeVisible();
  });

  test("details sent again unchanged keep their key; corrected after a refusal, they are a new intent with a new key", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await verifyForBankChange(page, sandbox);
    const keys = await captureActionKeys(page, /\/change-bank$/);
    await fillNewBankAccount(page);
    await sandbox.fault({ operation: "mandates.reauthorize", status: 503, count: 2 });
    const refused = page.getByTestId("change-bank-message");
    await page.getByRole("button", { name: "Change bank account" }).click();
    await expect(refused).toHaveText("Bank details can't be stored securely right now, so nothing was changed. Please try again later.");
    await page.getByRole("button", { name: "Change bank account" }).click();
    await expect.poll(() => keys.length).toBe(2);
    await expect(page.getByRole("button", { name: "Change bank account" })).toBeEnabled();
    await page.getByLabel("Account holder name").fill("Ada Lovelace King");
    await page.getByRole("button", { name: "Change bank account" }).click();
    await expect(page).toHaveURL(/outcome=changed$/);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  test("a mandate that is cancelled or already being changed offers no change", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/direct-debit/${ADA_OLD_MANDATE}/change-bank`);
    await expect(page.getByTestId("change-bank-unavailable")).toHaveText("This Direct Debit is cancelled, so its bank account can't be changed.");
    await expect(page.getByRole("button", { name: "Send code" })).toHaveCount(0);

    await verifyForBankChange(page, sandbox);
    await fillNewBankAccount(page);
    await page.getByRole("button", { name: "Change bank account" }).click();
    await expect(page).toHaveURL(/outcome=changed$/);
    await page.goto(`/portal/direct-debit/${ADA_MANDATE}/change-bank`);
    await expect(page.getByTestId("change-bank-unavailable")).toContainText("a change is still being confirmed");
  });
});

test.describe("Direct Debit in the reader's language", () => {
  test("in Japanese, chosen in the footer: the list, a refused code and the whole change of bank", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, "/portal/direct-debit");
    await chooseLanguage(page, "日本語");
    await expect(page).toHaveTitle(/^口座振替/);
    await expect(page.getByRole("heading", { level: 1, name: "口座振替" })).toBeVisible();
    const barclays = mandate(page, "Barclays •••• 4321");
    await expect(barclays.getByText("有効", { exact: true })).toBeVisible();
    await expect(detail(page, "口座名義人").first()).toHaveText("Ada Lovelace");
    await expect(mandate(page, "Lloyds Bank •••• 7788").getByText("解約済み", { exact: true })).toBeVisible();

    await barclays.getByRole("link", { name: "口座を変更" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "口座を変更" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "ステップ 1/3: ご本人確認" })).toBeVisible();
    await page.getByRole("button", { name: "コードを送信" }).click();
    await expect(page.getByTestId("change-bank-message")).toHaveText("ada@example.com に6桁のコードをお送りしました。");
    await expect(page.getByRole("heading", { name: "ステップ 2/3: コードの入力" })).toBeFocused();
    // A refusal is worded by the server action, in the page's language too.
    await page.getByLabel("6桁のコード").fill("000000");
    await page.getByRole("button", { name: "次へ" }).click();
    await expect(page.getByTestId("change-bank-message")).toHaveText("コードが正しくありません。確認してもう一度入力するか、新しいコードをリクエストしてください。");
    await page.getByLabel("6桁のコード").fill(await sandbox.latestCode(await sandbox.customerId(CUSTOMERS.rich)));
    await page.getByRole("button", { name: "次へ" }).click();
    await expect(page.getByRole("heading", { name: "ステップ 3/3: 新しい銀行口座" })).toBeFocused();
    await page.getByLabel("口座名義人").fill(NEW_BANK_ACCOUNT.holder);
    await page.getByLabel("ソートコード").fill(NEW_BANK_ACCOUNT.sortCode);
    await page.getByLabel("口座番号").fill(NEW_BANK_ACCOUNT.accountNumber);
    await page.getByLabel("私はこの口座の名義人です。").check();
    await page.getByLabel("この口座からの口座振替は、私ひとりの承認で設定できます。").check();
    await page.getByRole("button", { name: "口座を変更" }).click();

    await expect(page).toHaveURL(/\/portal\/direct-debit\?outcome=changed$/);
    await expect(page.getByTestId("direct-debit-outcome")).toContainText("新しい口座情報を送信しました。");
    await expect(mandate(page, "Barclays •••• 9911").getByText("手続き中", { exact: true })).toBeVisible();
  });

  test("in German without JavaScript, from sign-in to a cancel that says what stops and how it went", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "de-DE" });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: `Weiter als ${CUSTOMERS.rich} 6 Abonnements · 46 Rechnungen` }).click();
    await page.getByRole("button", { name: "Abrechnung verwalten", exact: true }).click();
    await page.goto("/portal/direct-debit");
    // In the portal Ada's RevKeen locale (en-GB) comes before the browser's German: the switcher overrides both.
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await chooseLanguage(page, "Deutsch");
    const barclays = mandate(page, "Barclays •••• 4321");
    await barclays.getByText("Diese Lastschrift kündigen").click();
    const form = barclays.getByRole("form", { name: "Kündigung dieser Lastschrift bestätigen" });
    await expect(form.getByTestId("mandate-cancel-consequence")).toContainText("enden alle künftigen Einzüge");
    await form.getByLabel("Warum kündigen Sie? (optional)").fill("Bankwechsel");
    await form.getByRole("button", { name: "Kündigung bestätigen" }).click();
    const cancelled = mandate(page, "Barclays •••• 4321");
    await expect(cancelled.getByTestId("mandate-cancel-status")).toHaveText("Ihre Lastschrift wurde gekündigt. Es werden keine Zahlungen mehr damit eingezogen.");
    await expect(cancelled.getByText("Gekündigt", { exact: true })).toBeVisible();
    await context.close();
  });
});
