import "server-only";
// What webhooks to this app are signed with. In test and live mode RevKeen signs them with the
// endpoint's secret (REVKEEN_WEBHOOK_SECRET). In sandbox mode the in-process sandbox signs its own,
// with REVKEEN_SANDBOX_WEBHOOK_SECRET when it is set, else with a secret derived from AUTH_SECRET
// for this purpose alone: each keyless deployment has its own, and the repository holds none that
// would let anyone sign events for it.
import type { ServerEnv } from "@/lib/env/schema.mjs";
import { serverEnv } from "@/lib/env/server";
import { derivedKey } from "@/lib/server/security/derived-key";
import { taintDerivedSecret } from "@/lib/server/security/taint-secrets";

const PURPOSE = "sandbox webhook secret v1";

/** Derived (and tainted) once per parsed environment. */
const derived = new WeakMap<ServerEnv, string>();

/** The secret `/api/webhooks/revkeen` verifies deliveries with; undefined: none is set up. */
export function webhookSecret(env: ServerEnv = serverEnv()): string | undefined {
  return env.mode === "sandbox" ? sandboxWebhookSecret(env) : env.REVKEEN_WEBHOOK_SECRET;
}

/** What the in-process sandbox signs its webhooks with; undefined only without AUTH_SECRET (a build). */
export function sandboxWebhookSecret(env: ServerEnv = serverEnv()): string | undefined {
  if (env.REVKEEN_SANDBOX_WEBHOOK_SECRET) return env.REVKEEN_SANDBOX_WEBHOOK_SECRET;
  if (!env.AUTH_SECRET) return undefined;
  let secret = derived.get(env);
  if (secret === undefined) {
    secret = `rk_wh_${Buffer.from(derivedKey(env.AUTH_SECRET, PURPOSE)).toString("hex")}`;
    taintDerivedSecret("The sandbox's webhook secret", env, secret);
    derived.set(env, secret);
  }
  return secret;
}
