import "server-only";
import { taintServerSecrets } from "@/lib/server/security/taint-secrets";
import { parseServerEnv, type ServerEnv } from "./schema.mjs";

let parsed: ServerEnv | undefined;

/**
 * The server's environment, parsed once per process. Lazy so that `next build`, which loads
 * route modules to collect page data, does not need the runtime secrets.
 */
export function serverEnv(): ServerEnv {
  if (parsed === undefined) {
    parsed = parseServerEnv(process.env);
    // The parsed object lives as long as the process, and so does the taint on its secrets.
    taintServerSecrets(parsed);
  }
  return parsed;
}
