import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEFAULT_SANDBOX_API_KEY } from "../lib/env/schema.mjs";
import { CHECKOUT_TOKEN, FULL_BANK_DETAILS, VERIFICATION_TOKEN, webhookSecret } from "./fixtures";
import { APP_LOGS, RUN_SCOPE } from "./urls";

/**
 * Whether this run held `spec`: what it provokes must then show up in the logs. A run whose
 * reporters were replaced on the command line (`--reporter`) has no list of its own, and is held
 * to what holds for any run.
 */
function ran(spec: string): boolean {
  const scope = existsSync(RUN_SCOPE) ? (JSON.parse(readFileSync(RUN_SCOPE, "utf8")) as { runner: number; files: string[] }) : null;
  return scope !== null && scope.runner === process.ppid && scope.files.includes(spec);
}

test.describe("The server's logs", () => {
  test("hold no portal token, API key, verification token, checkout token or bank details after the whole run, failures included", () => {
    // Every lane's instance and the instances' own, whatever the tests before did or failed.
    const output = APP_LOGS.map((log) => readFileSync(log, "utf8")).join("\n");
    // The run exercised failures (faults, refused tokens), so the logger had things to say.
    if (ran("faults.spec.ts")) expect(output).toMatch(/revkeen\.(server_error|request_failed|retry)/);
    // Each of those lines names the request it belongs to (x-request-id from proxy.ts).
    const failures = output.split("\n").filter((line) => line.includes('"event":"revkeen.'));
    if (ran("faults.spec.ts")) expect(failures.length).toBeGreaterThan(0);
    for (const line of failures) expect(line).toMatch(/"request_id":"[0-9a-f-]{36}"/);
    // A token, not the word: "rkcps_" followed by its random part.
    expect(output).not.toMatch(/rkcps_[A-Za-z0-9_-]{16,}/);
    expect(output).not.toContain(DEFAULT_SANDBOX_API_KEY);
    expect(output).not.toContain(webhookSecret());
    expect(output).not.toMatch(/Bearer\s+\S/);
    // The run changed bank details, and failed doing so (direct-debit.spec.ts).
    if (ran("direct-debit.spec.ts")) expect(output).toMatch(/"operation":"mandates\.reauthorize"/);
    expect(output).not.toMatch(FULL_BANK_DETAILS);
    expect(output).not.toMatch(VERIFICATION_TOKEN);
    // The run paid invoices through the checkout page (pay-now.spec.ts): a checkout session's public
    // token and the token of its hosted page's URL stay out.
    if (ran("pay-now.spec.ts")) expect(output).toMatch(/"event":"checkout\.started"/);
    expect(output).not.toMatch(CHECKOUT_TOKEN);
  });
});
