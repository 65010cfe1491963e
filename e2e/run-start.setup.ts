import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { APP_LOGS } from "./urls";

// The first project of every run. Its teardown is the log audit, which Playwright runs after all
// the projects that depend on this one, whether their tests pass or fail.
test.describe("A run of the suite", () => {
  test("keeps each production server's output for the log audit", () => {
    for (const log of APP_LOGS) expect(existsSync(log), log).toBe(true);
  });
});
