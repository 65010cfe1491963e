import "server-only";
// Every server log line goes through here, so a portal token or an API key can never reach the
// logs even if one ends up in a field by mistake. Each value is redacted before the line is
// serialized, at any depth: in the serialized line a newline or a tab has become `\n` or `\t`,
// which would hide where a secret starts.
import { redact } from "@/lib/shared/secrets/redact";
import { currentRequestId } from "@/lib/server/logging/request-id";

const SECRET_FIELD = /^(authorization|x-api-key|token|api_?key|cookie|set-cookie)$/i;

type Value = string | number | boolean | null | undefined | readonly Value[] | { readonly [name: string]: Value };
type Fields = Record<string, Value>;

function redacted(value: Value): Value {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map(redacted);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, SECRET_FIELD.test(name) ? "[redacted]" : redacted(inner)]));
  }
  return value;
}

function write(level: "info" | "warn" | "error", event: string, fields: Fields = {}): void {
  const line = JSON.stringify(redacted({ level, event, request_id: currentRequestId(), ...fields }));
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.info(line);
}

export const log = {
  info: (event: string, fields?: Fields) => write("info", event, fields),
  warn: (event: string, fields?: Fields) => write("warn", event, fields),
  error: (event: string, fields?: Fields) => write("error", event, fields),
};
