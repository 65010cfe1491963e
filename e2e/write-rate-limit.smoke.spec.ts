import { parseServerEnv } from "../lib/env/schema.mjs";
import { deterministicUuid } from "../lib/sandbox/data/ids";
import { CUSTOMERS, expect, signInToPortal, test } from "./fixtures";
import { SMOKE_URL } from "./urls";

// The `next dev` server of the smoke project keeps the default limits (playwright.config.ts).
const { PORTAL_WRITES_PER_MINUTE_PER_USER: PER_USER } = parseServerEnv({}, { requireSecrets: false });
const KENJI_MONTHLY = deterministicUuid("subscription:kenji:monthly");

// 佐藤 健二 changes billing in this spec only, so no other smoke spec shares his allowance.
test.describe("Rate limit on changing billing", () => {
  test("a user who sends more cancels than the limit allows is asked to wait, and nothing more reaches RevKeen", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.yen);
    const cancel = (attempt: number) =>
      page.request.post(`/api/portal/subscriptions/${KENJI_MONTHLY}/cancel`, {
        headers: { origin: SMOKE_URL, "idempotency-key": `9f1c2b3a-4d5e-4f60-8a7b-${String(attempt).padStart(12, "0")}` },
        data: { cancel_at_period_end: true },
      });
    const json = { "content-type": "application/json" };
    await page.request.delete("/__sandbox/calls", { headers: json });
    // All at once, as a script would send them: the allowance cannot refill in between.
    const answers = await Promise.all(Array.from({ length: PER_USER + 4 }, (_, attempt) => cancel(attempt)));
    const statuses = answers.map((answer) => answer.status());
    expect(statuses.filter((status) => status === 200).length, "let in").toBeGreaterThanOrEqual(PER_USER);
    const refused = answers.filter((answer) => answer.status() === 429);
    expect(refused.length, "refused").toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 200 || status === 429), statuses.join(", ")).toBe(true);
    for (const answer of refused) {
      expect(Number(answer.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(await answer.json()).toMatchObject({ error: { code: "portal:rate_limited" } });
    }
    const calls = (await (await page.request.get("/__sandbox/calls")).json()) as { data: { by_operation: Record<string, number> } };
    expect(calls.data.by_operation["subscriptions.cancel"]).toBe(statuses.filter((status) => status === 200).length);
  });
});
