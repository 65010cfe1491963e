// AUTH_SECRET signs sign-in sessions and seals the cookie that holds the portal token: whoever
// can guess it can forge a session for any user. The schema only asks for 32 characters, which
// "changeme" repeated four times passes, so the doctor also refuses placeholders and low variety.
import type { CheckResult, DoctorEnv } from "./check-result";

const NAME = "AUTH_SECRET";
const MIN_LENGTH = 32;
/** 32 random hex characters use fewer than 8 different ones less than once in 100,000 draws. */
const MIN_DISTINCT = 8;
const PLACEHOLDERS = [
  "changeme",
  "change-me",
  "change_me",
  "replaceme",
  "replace-me",
  "replace_me",
  "placeholder",
  "yoursecret",
  "your-secret",
  "your_secret",
  "secret",
  "password",
  "example",
];
const GENERATE = "generate one with `npx auth secret` (or `openssl rand -base64 33`)";

export function checkAuthSecret(env: DoctorEnv): CheckResult {
  // Auth.js reads the value as is, so unlike the schema's other variables it is not trimmed here.
  const secret = env.AUTH_SECRET ?? "";
  if (secret.trim() === "") {
    const sandbox = (env.REVKEEN_API_KEY ?? "").trim() === "";
    // In sandbox mode `npm run dev` writes one to .env.local; every other mode must bring its own.
    return sandbox
      ? { name: NAME, status: "warn", detail: `not set: \`npm run dev\` generates one, \`next start\` needs one; ${GENERATE}` }
      : { name: NAME, status: "fail", detail: `not set: it signs sign-in sessions and seals the portal cookie; ${GENERATE}` };
  }
  const weakness = weaknessOf(secret);
  if (weakness) return { name: NAME, status: "fail", detail: `${secret.length} characters, ${weakness}; ${GENERATE}` };
  return { name: NAME, status: "ok", detail: `${secret.length} characters, varied enough (value not shown)` };
}

/** Why the secret is guessable, in words that never repeat any part of it; null when it is fine. */
export function weaknessOf(secret: string): string | null {
  if (secret.length < MIN_LENGTH) return `too short: use at least ${MIN_LENGTH} random characters`;
  const lower = secret.toLowerCase();
  if (PLACEHOLDERS.some((word) => lower.includes(word))) return "looks like a placeholder, not a random value";
  if (new Set(secret).size < MIN_DISTINCT) return `too little variety (fewer than ${MIN_DISTINCT} different characters)`;
  if (repeatsAPattern(secret)) return "a short pattern repeated, not a random value";
  if (isMostlyARun(secret)) return "mostly a run like abcd or 1234, not a random value";
  return null;
}

/** "abcabcabc…", "0123456789abcdef0123456789abcdef": periodic with a period up to half its length. */
function repeatsAPattern(secret: string): boolean {
  for (let period = 1; period <= secret.length / 2; period++) {
    let periodic = true;
    for (let i = period; i < secret.length && periodic; i++) periodic = secret[i] === secret[i - period];
    if (periodic) return true;
  }
  return false;
}

/** Neighbours one code point apart in at least half the pairs; random text has about 1 in 32. */
function isMostlyARun(secret: string): boolean {
  let steps = 0;
  for (let i = 1; i < secret.length; i++) {
    if (Math.abs(secret.charCodeAt(i) - secret.charCodeAt(i - 1)) === 1) steps++;
  }
  return steps >= (secret.length - 1) / 2;
}
