// `npm run dev` on a fresh clone must work with no setup, yet sign-in needs AUTH_SECRET.
// Give this checkout its own random secret in .env.local (git-ignored) the first time.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";

const files = [".env", ".env.local", ".env.development", ".env.development.local"];
/** @param {string} file */
const defined = (file) => existsSync(file) && /^\s*AUTH_SECRET\s*=\s*\S/m.test(readFileSync(file, "utf8"));

if (!process.env.AUTH_SECRET && !files.some(defined)) {
  const existing = existsSync(".env.local") ? readFileSync(".env.local", "utf8") : "";
  const separator = existing === "" || existing.endsWith("\n") ? "" : "\n";
  appendFileSync(
    ".env.local",
    `${separator}# Generated for local development by scripts/ensure-dev-secret.mjs\nAUTH_SECRET=${randomBytes(33).toString("base64url")}\n`,
  );
  console.log("Generated a local AUTH_SECRET in .env.local (git-ignored).");
}
