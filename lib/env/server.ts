import "server-only";
import { parseServerEnv, type ServerEnv } from "./schema.mjs";

let parsed: ServerEnv | undefined;

/**
 * The server's environment, parsed once per process. Lazy so that `next build`, which loads
 * route modules to collect page data, does not need the runtime secrets.
 */
export function serverEnv(): ServerEnv {
  parsed ??= parseServerEnv(process.env);
  return parsed;
}
