// Before `npm test` starts the end-to-end suite: make sure there is a Chromium to drive. An
// existing one first (findChromium in lib/testing/app-under-test.ts), else Playwright's own
// download where it is reachable, else the system's package manager where this user may use it
// (as `playwright install --with-deps` does), else one line that names the command to run, before
// the suite starts.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium } from "../lib/testing/app-under-test";

const INSTALL_HINT = "npx playwright install --with-deps chromium";

function run(command: string, args: string[], options: SpawnSyncOptions = {}): boolean {
  const result = spawnSync(command, args, { stdio: "inherit", timeout: 15 * 60_000, ...options });
  return result.status === 0;
}

function found(how: string): boolean {
  const choice = findChromium();
  if (choice === null) return false;
  console.log(`Chromium for the end-to-end tests: ${choice.source}${choice.executablePath ? ` (${choice.executablePath})` : ""}${how}.`);
  return true;
}

/** Root runs apt-get itself; anyone else only through sudo that asks for no password. */
function aptGetAs(): string[] | null {
  if (process.platform !== "linux" || !existsSync("/usr/bin/apt-get")) return null;
  if (process.getuid?.() === 0) return [];
  return run("sudo", ["-n", "true"], { stdio: "ignore" }) ? ["sudo", "-n"] : null;
}

function ensureBrowser(): boolean {
  if (found("")) return true;
  if (process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH) {
    console.error(`PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH names no file: fix it, or unset it and run \`${INSTALL_HINT}\`.`);
    return false;
  }
  console.log("No Chromium for the end-to-end tests yet: trying Playwright's download.");
  if (run("npx", ["playwright", "install", "chromium"]) && found(", just downloaded")) return true;
  const prefix = aptGetAs();
  if (prefix !== null) {
    console.log("Playwright's download is not reachable: installing Debian's chromium with apt-get.");
    const [command = "apt-get", ...args] = [...prefix, "apt-get"];
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (run(command, [...args, "update", "-qq"], { env }) && run(command, [...args, "install", "-y", "-qq", "chromium"], { env }) && found(", just installed")) {
      return true;
    }
  }
  console.error(`No Chromium for the end-to-end tests, and none could be installed from here: run \`${INSTALL_HINT}\`, then npm test again.`);
  return false;
}

process.exitCode = ensureBrowser() ? 0 : 1;
