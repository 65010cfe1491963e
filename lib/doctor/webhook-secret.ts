// "Will RevKeen's webhooks be believed?" The endpoint (/api/webhooks/revkeen) verifies each one
// with REVKEEN_WEBHOOK_SECRET; without it, it answers 503 and the app learns of changes only when
// its cached answers run out (a minute), and customers created at checkout are not linked.
import { EnvError, parseServerEnv } from "../env/schema.mjs";
import type { CheckResult, DoctorEnv } from "./check-result";

const NAME = "Webhook secret";

export function checkWebhookSecret(env: DoctorEnv): CheckResult {
  let parsed: ReturnType<typeof parseServerEnv>;
  try {
    parsed = parseServerEnv({ REVKEEN_API_KEY: env.REVKEEN_API_KEY, REVKEEN_WEBHOOK_SECRET: env.REVKEEN_WEBHOOK_SECRET }, { requireSecrets: false });
  } catch (error) {
    if (error instanceof EnvError) return { name: NAME, status: "skip", detail: "fix the variables above first" };
    throw error;
  }
  if (parsed.mode === "sandbox") return { name: NAME, status: "ok", detail: "sandbox mode: the built-in sandbox signs its webhooks with its own secret" };
  if (!parsed.REVKEEN_WEBHOOK_SECRET) {
    return {
      name: NAME,
      status: "warn",
      detail:
        "REVKEEN_WEBHOOK_SECRET is not set: /api/webhooks/revkeen refuses RevKeen's webhooks (503), access checks may lag a change by up to a minute, and customers created at checkout are not linked; add the endpoint in RevKeen and copy its rk_wh_ secret",
    };
  }
  return { name: NAME, status: "ok", detail: "set (rk_wh_…): /api/webhooks/revkeen verifies every delivery with it" };
}
