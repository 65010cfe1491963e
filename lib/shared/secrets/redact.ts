// Anything shaped like a RevKeen key, portal token or webhook secret, wherever it appears in text,
// and the password of a connection URL. Shared by the server's logger and the doctor, so neither
// can print one. No word boundary is asked for in front: a secret after an underscore or a letter
// (`token_rkcps_…`) is still one, and hiding a little too much is the safe way to be wrong.
const SECRET = /(rkcps_|rk_live_|rk_sandbox_|rk_wh_)[A-Za-z0-9_-]+/g;
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@\s]+@/gi;

export function redact(text: string): string {
  return text.replace(SECRET, "$1[redacted]").replace(URL_PASSWORD, "$1[redacted]@");
}
