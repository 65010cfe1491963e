// Which RevKeen the network checks talk to, decided by the app's own schema so that the doctor
// and `next start` can never disagree about the mode, the base URL or the timeout.
import { EnvError, parseServerEnv } from "../env/schema.mjs";
import type { DoctorEnv } from "./check-result";

export type RemoteTarget = {
  mode: "test" | "live";
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
};

export type UpstreamTarget = { kind: "sandbox" } | { kind: "misconfigured" } | ({ kind: "remote" } & RemoteTarget);

export const NOT_NEEDED_IN_SANDBOX = "not needed in sandbox mode: the upstream is the built-in in-process sandbox";

export function upstreamTarget(env: DoctorEnv): UpstreamTarget {
  let parsed: ReturnType<typeof parseServerEnv>;
  try {
    // Only the variables the network needs: a bad GitHub id must not stop the key check.
    parsed = parseServerEnv(
      { REVKEEN_API_KEY: env.REVKEEN_API_KEY, REVKEEN_API_URL: env.REVKEEN_API_URL, REVKEEN_TIMEOUT_MS: env.REVKEEN_TIMEOUT_MS },
      { requireSecrets: false },
    );
  } catch (error) {
    if (error instanceof EnvError) return { kind: "misconfigured" };
    throw error;
  }
  const apiKey = parsed.REVKEEN_API_KEY;
  if (parsed.mode === "sandbox" || apiKey === undefined) return { kind: "sandbox" };
  return {
    kind: "remote",
    mode: parsed.mode,
    baseUrl: parsed.REVKEEN_API_URL,
    apiKey,
    timeoutMs: parsed.REVKEEN_TIMEOUT_MS,
  };
}
