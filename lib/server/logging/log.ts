import "server-only";
// Every server log line goes through here, so a portal token or an API key can never reach the
// logs even if one ends up in a field by mistake.
import { redact } from "@/lib/shared/secrets/redact";
import { currentRequestId } from "@/lib/server/logging/request-id";

const SECRET_FIELD = /^(authorization|x-api-key|token|api_?key|cookie|set-cookie)$/i;

type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: "info" | "warn" | "error", event: string, fields: Fields = {}): void {
  const safe: Fields = {};
  for (const [name, value] of Object.entries(fields)) {
    safe[name] = SECRET_FIELD.test(name) ? "[redacted]" : value;
  }
  const line = redact(JSON.stringify({ level, event, request_id: currentRequestId(), ...safe }));
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.info(line);
}

export const log = {
  info: (event: string, fields?: Fields) => write("info", event, fields),
  warn: (event: string, fields?: Fields) => write("warn", event, fields),
  error: (event: string, fields?: Fields) => write("error", event, fields),
};
