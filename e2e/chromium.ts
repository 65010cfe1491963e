// Which Chromium the suite and the bench drive, and how: an explicit path, else Playwright's own
// download (a normal developer machine, after `npx playwright install chromium`), else the
// system's (Debian: apt-get install chromium). The flags keep it quiet on a closed network.
// scripts/ensure-browser.ts gets one before `npm test` starts the suite when none is found.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export type ChromiumChoice = {
  source: "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH" | "Playwright's download" | "the system's";
  /** Undefined: Playwright launches its own download. */
  executablePath: string | undefined;
};

const SYSTEM_CHROMIUM = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** The Chromium to use, or null when this machine has none. */
export function findChromium(): ChromiumChoice | null {
  const explicit = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (explicit) return existsSync(explicit) ? { source: "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH", executablePath: explicit } : null;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return { source: "Playwright's download", executablePath: undefined };
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
  return system ? { source: "the system's", executablePath: system } : null;
}

export function chromiumExecutable(): string | undefined {
  return findChromium()?.executablePath;
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
