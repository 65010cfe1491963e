import { parseServerEnv } from "../lib/env/schema.mjs";
import { deterministicUuid } from "../lib/sandbox/data/ids";
import { catchActionPost, CUSTOMERS, expect, idempotencyKeyOf, test } from "./fixtures";

// The `next dev` server of the smoke project keeps the default limits (playwright.config.ts).
const { PORTAL_WRITES_PER_MINUTE_PER_USER: PER_USER } = parseServerEnv({}, { requireSecrets: false });
const KENJI_MONTHLY = deterministicUuid("subscription:kenji:monthly");
const REFUSED = /Too many attempts\. Try again in \d+ s\./;

// 佐藤 健二 changes billing in this spec only, so no other smoke spec shares his allowance.
test.describe("Rate limit on changing billing", () => {
  test("a user who sends more cancels than the limit allows is asked to wait, and nothing more reaches RevKeen", async ({ browser, baseURL }) => {
    // The cancel form's POST as a browser without JavaScript sends it, then sent again and again
    // with a new key each time, all at once, as a script would: the allowance cannot refill in between.
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    // His portal speaks Japanese; the footer switcher's English keeps this spec's words.
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "" }]);
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: new RegExp(`Continue as ${CUSTOMERS.yen}`) }).click();
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await page.goto(`/portal/subscriptions/${KENJI_MONTHLY}`);
    const form = page.getByRole("form", { name: "Confirm cancellation" });
    const post = await catchActionPost(page, () => form.getByRole("button", { name: "Confirm cancellation" }).click());
    const key = idempotencyKeyOf(post.body) ?? "";
    const cancel = (attempt: number) =>
      page.request.post(post.url, { headers: post.headers, data: post.body.replace(key, `9f1c2b3a-4d5e-4f60-8a7b-${String(attempt).padStart(12, "0")}`) });

    await page.request.delete("/__sandbox/calls", { headers: { "content-type": "application/json" } });
    const answers = await Promise.all(Array.from({ length: PER_USER + 4 }, (_, attempt) => cancel(attempt)));
    expect(answers.map((answer) => answer.status())).toEqual(answers.map(() => 200));
    const texts = await Promise.all(answers.map((answer) => answer.text()));
    const refused = texts.filter((text) => REFUSED.test(text)).length;
    expect(texts.length - refused, "let in").toBeGreaterThanOrEqual(PER_USER);
    expect(refused, "refused").toBeGreaterThanOrEqual(1);
    const calls = (await (await page.request.get("/__sandbox/calls")).json()) as { data: { by_operation: Record<string, number> } };
    expect(calls.data.by_operation["subscriptions.cancel"]).toBe(texts.length - refused);
    await context.close();
  });
});
