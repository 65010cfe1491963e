// Which Chromium the suite and the bench drive, and how: an explicit path, else Playwright's own
// download (a normal developer machine, after `npx playwright install chromium`), else the
// system's (Debian: apt-get install chromium). The flags keep it quiet on a closed network.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export function chromiumExecutable(): string | undefined {
  const explicit = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (explicit) return explicit;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return undefined;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
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
