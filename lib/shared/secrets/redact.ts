// Anything shaped like a RevKeen key or portal token, wherever it appears in text. Shared by the
// server's logger and the doctor, so neither can print one.
const SECRET = /\b(rkcps_|rk_live_|rk_sandbox_)[A-Za-z0-9_-]+/g;

export function redact(text: string): string {
  return text.replace(SECRET, "$1[redacted]");
}
