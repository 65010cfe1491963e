import type { Page } from "@playwright/test";
import { ADA_PRO, caughtCancelNow, expect, idempotencyKeyOf, test, type CaughtPost, type SandboxControls } from "./fixtures";

// Every write is a server action. Its POST is caught here as a browser without JavaScript sends
// it, then sent again changed in one way: what refuses it is that change alone.

async function subscriptionStatus(page: Page): Promise<string> {
  return ((await (await page.request.get(`/api/portal/subscriptions/${ADA_PRO}`)).json()) as { data: { status: string } }).data.status;
}

async function upstreamCancels(sandbox: SandboxControls): Promise<number> {
  return (await sandbox.calls()).by_operation["subscriptions.cancel"] ?? 0;
}

/** `body` with one more field of `bytes` bytes, which the action does not read. */
function padded(post: CaughtPost, bytes: number): string {
  const boundary = /boundary=(.+)$/.exec(post.headers["content-type"] ?? "")?.[1] ?? "";
  const end = `--${boundary}--`;
  return post.body.replace(end, `--${boundary}\r\nContent-Disposition: form-data; name="padding"\r\n\r\n${"x".repeat(bytes)}\r\n${end}`);
}

test.describe("Writes, which are server actions", () => {
  test.use({ javaScriptEnabled: false });

  test("the form's POST carries a UUID for its key and goes through from this site's own page", async ({ page, sandbox }) => {
    const post = await caughtCancelNow(page);
    expect(idempotencyKeyOf(post.body)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await sandbox.resetCalls();
    const sent = await page.request.post(post.url, { headers: post.headers, data: post.body });
    expect(sent.status()).toBe(200);
    expect(sent.headers()["cache-control"]).toContain("no-store");
    expect(await sent.text()).toContain("Your subscription has been canceled.");
    expect(await subscriptionStatus(page)).toBe("canceled");
    expect(await upstreamCancels(sandbox)).toBe(1);
  });

  test("one sent from another site's page is refused, and cancels nothing", async ({ page, sandbox }) => {
    const post = await caughtCancelNow(page);
    await sandbox.resetCalls();
    for (const origin of ["https://evil.example", "null"]) {
      const foreign = await page.request.post(post.url, { headers: { ...post.headers, origin }, data: post.body });
      expect(foreign.status(), origin).toBeGreaterThanOrEqual(400);
      expect(await foreign.text(), origin).not.toContain("Your subscription has been canceled.");
    }
    expect(await upstreamCancels(sandbox)).toBe(0);
    expect(await subscriptionStatus(page)).toBe("active");
  });

  test("one whose body is over 16 KiB is refused before the action runs, and cancels nothing", async ({ page, sandbox }) => {
    const post = await caughtCancelNow(page);
    await sandbox.resetCalls();
    const tooLarge = await page.request.post(post.url, { headers: post.headers, data: padded(post, 17 * 1024) });
    expect(tooLarge.status()).toBeGreaterThanOrEqual(400);
    expect(await upstreamCancels(sandbox)).toBe(0);
    expect(await subscriptionStatus(page)).toBe("active");

    // A little padding is not refused: the size was.
    const small = await page.request.post(post.url, { headers: post.headers, data: padded(post, 1024) });
    expect(small.status()).toBe(200);
    expect(await subscriptionStatus(page)).toBe("canceled");
  });

  test("one whose key is not a UUID is refused in words, and cancels nothing", async ({ page, sandbox }) => {
    const post = await caughtCancelNow(page);
    const key = idempotencyKeyOf(post.body) ?? "";
    await sandbox.resetCalls();
    const notUuid = await page.request.post(post.url, { headers: post.headers, data: post.body.replace(key, "not-a-uuid") });
    expect(await notUuid.text()).toContain("We couldn&#x27;t cancel your subscription. That request is not valid.");
    expect(await upstreamCancels(sandbox)).toBe(0);
    expect(await subscriptionStatus(page)).toBe("active");
  });
});
