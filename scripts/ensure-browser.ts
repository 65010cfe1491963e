// Before `npm test` starts the end-to-end suite: make sure there is a Chromium to drive. An
// existing one first (findChromium in lib/testing/app-under-test.ts), else Playwright's own
// download where it is reachable, else the system's package manager where this user may use it
// (as `playwright install --with-deps` does), else one line that names the command to run, before
// the suite starts.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { findChromium, isFullSystemBrowser } from "../lib/testing/app-under-test";
import { installWithApt } from "../lib/testing/install-with-apt";

const INSTALL_HINT = "npx playwright install --with-deps chromium";
const SHELL_HINT = "apt-get install chromium-headless-shell, or npx playwright install chromium";

function run(command: string, args: string[], options: SpawnSyncOptions = {}): boolean {
  const result = spawnSync(command, args, { stdio: "inherit", timeout: 15 * 60_000, ...options });
  return result.status === 0;
}

function found(how: string): boolean {
  const choice = findChromium();
  if (choice === null) return false;
  console.log(`Chromium for the end-to-end tests: ${choice.source}${choice.executablePath ? ` (${choice.executablePath})` : ""}${how}.`);
  if (isFullSystemBrowser(choice)) console.log(`The suite runs faster on Chromium's headless shell: ${SHELL_HINT}.`);
  return true;
}

function ensureBrowser(): boolean {
  if (found("")) return true;
  if (process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH) {
    console.error(`PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH names no file: fix it, or unset it and run \`${INSTALL_HINT}\`.`);
    return false;
  }
  console.log("No Chromium for the end-to-end tests yet: trying Playwright's download.");
  if (run("npx", ["playwright", "install", "chromium"]) && found(", just downloaded")) return true;
  console.log("Playwright's download is not reachable: installing Debian's Chromium headless shell with apt-get where this user may.");
  if (installWithApt(["chromium-headless-shell"]) && found(", just installed")) return true;
  console.error(`No Chromium for the end-to-end tests, and none could be installed from here: run \`${INSTALL_HINT}\`, then npm test again.`);
  return false;
}

process.exitCode = ensureBrowser() ? 0 : 1;
