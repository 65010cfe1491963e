import "server-only";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { taintServerSecrets } from "@/lib/server/security/taint-secrets";
import { parseServerEnv, type ServerEnv } from "./schema.mjs";

let parsed: ServerEnv | undefined;

/**
 * The server's environment, parsed once per process. The secrets belong to the runtime: while
 * `next build` runs (NEXT_PHASE says so) none is required, so a container or CI image builds
 * without them and `next start` refuses to run without AUTH_SECRET.
 */
export function serverEnv(): ServerEnv {
  if (parsed === undefined) {
    parsed = parseServerEnv(process.env, { requireSecrets: process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD });
    // The parsed object lives as long as the process, and so does the taint on its secrets.
    taintServerSecrets(parsed);
  }
  return parsed;
}
