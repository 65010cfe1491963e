import { describe, expect, it } from "vitest";
import { FOCUS_REFRESH_AFTER_MS, focusRefresh } from "./focus-refresh";

/** A page's refresher on a clock the test moves, with every read held until the test answers it. */
function pageAt(start = 1_000_000) {
  let clock = start;
  let hidden = false;
  const reads: { resolve: (data: string) => void; reject: (error: unknown) => void }[] = [];
  const shown: string[] = [];
  const failures: unknown[] = [];
  const refresh = focusRefresh<string>({
    now: () => clock,
    hidden: () => hidden,
    read: () => new Promise<string>((resolve, reject) => reads.push({ resolve, reject })),
    answered: (data) => shown.push(data),
    failed: (error) => failures.push(error),
  });
  return {
    refresh,
    reads,
    shown,
    failures,
    advance: (ms: number) => (clock += ms),
    hide: (value: boolean) => (hidden = value),
    /** Lets the promise callbacks of an answered read run. */
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
  };
}

describe("A page that keeps itself current", () => {
  it("asks nothing on a focus sooner than five seconds after the server read it, and once at five seconds", () => {
    const page = pageAt();
    page.refresh.focused();
    page.advance(FOCUS_REFRESH_AFTER_MS - 1);
    page.refresh.focused();
    expect(page.reads).toHaveLength(0);
    page.advance(1);
    page.refresh.focused();
    expect(page.reads).toHaveLength(1);
  });

  it("asks nothing while a read is on its way, and again five seconds after the last read was sent", async () => {
    const page = pageAt();
    page.advance(FOCUS_REFRESH_AFTER_MS);
    page.refresh.focused();
    page.advance(FOCUS_REFRESH_AFTER_MS * 2);
    page.refresh.focused();
    expect(page.reads).toHaveLength(1);

    page.reads[0]!.resolve("renews");
    await page.settle();
    expect(page.shown).toEqual(["renews"]);
    page.refresh.focused();
    expect(page.reads).toHaveLength(2);
    page.refresh.focused();
    expect(page.reads).toHaveLength(2);
  });

  it("asks nothing while the tab is hidden", () => {
    const page = pageAt();
    page.advance(FOCUS_REFRESH_AFTER_MS);
    page.hide(true);
    page.refresh.focused();
    expect(page.reads).toHaveLength(0);
    page.hide(false);
    page.refresh.focused();
    expect(page.reads).toHaveLength(1);
  });

  it("drops an answer sent before a write on the page, and shows the next one", async () => {
    const page = pageAt();
    page.advance(FOCUS_REFRESH_AFTER_MS);
    page.refresh.focused();
    page.refresh.wrote();
    page.reads[0]!.resolve("before the cancel");
    await page.settle();
    expect(page.shown).toEqual([]);

    page.advance(FOCUS_REFRESH_AFTER_MS);
    page.refresh.focused();
    page.reads[1]!.resolve("after the cancel");
    await page.settle();
    expect(page.shown).toEqual(["after the cancel"]);
  });

  it("reports a failed read without showing anything, and asks again on a later focus", async () => {
    const page = pageAt();
    page.advance(FOCUS_REFRESH_AFTER_MS);
    page.refresh.focused();
    const failure = new Error("503");
    page.reads[0]!.reject(failure);
    await page.settle();
    expect(page.failures).toEqual([failure]);
    expect(page.shown).toEqual([]);

    page.advance(FOCUS_REFRESH_AFTER_MS);
    page.refresh.focused();
    expect(page.reads).toHaveLength(2);
  });
});
