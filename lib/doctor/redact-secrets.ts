// The last guard before anything is printed: a check's detail may quote RevKeen's error
// message, and no upstream should be trusted not to echo what it was sent.
import { redact } from "../shared/secrets/redact";
import type { DoctorEnv } from "./check-result";

const SECRET_VARIABLES = [
  "REVKEEN_API_KEY",
  "REVKEEN_SANDBOX_API_KEY",
  "REVKEEN_WEBHOOK_SECRET",
  "REVKEEN_SANDBOX_WEBHOOK_SECRET",
  "AUTH_SECRET",
  "AUTH_GITHUB_SECRET",
  "DATABASE_URL",
];
/** Shorter values would blank out ordinary words; the pattern still covers short keys. */
const MIN_LITERAL_LENGTH = 8;

export function secretValues(env: DoctorEnv): string[] {
  const values = SECRET_VARIABLES.flatMap((name) => {
    const raw = env[name];
    return raw === undefined ? [] : [raw, raw.trim()];
  });
  return [...new Set(values)].filter((value) => value.length >= MIN_LITERAL_LENGTH);
}

/** Replaces every known secret value and anything shaped like a RevKeen key or portal token. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  // Longest first, so a value that contains another is replaced whole.
  const literal = [...secrets].sort((a, b) => b.length - a.length).reduce((out, secret) => out.split(secret).join("[redacted]"), text);
  return redact(literal);
}
