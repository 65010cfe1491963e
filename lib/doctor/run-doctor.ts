// Runs every check in the order a merchant fixes things (variables, then the network, then
// sign-in) and decides the exit code. Checks that need an earlier one to pass are skipped
// rather than run into the same wall, so each problem is reported once.
import { checkApiKeyAccepted } from "./api-key-accepted";
import { checkAuthSecret } from "./auth-secret";
import { checkDatabase } from "./database";
import type { CheckResult, CheckStatus, DoctorEnv, Fetch } from "./check-result";
import { checkEnvironmentVariables } from "./environment-variables";
import { checkPortalSession } from "./portal-session";
import { redactSecrets, secretValues } from "./redact-secrets";
import { checkHealthEndpoint, checkTraces } from "./operations";
import { checkMode } from "./revkeen-mode";
import { checkSelfHosting } from "./self-hosting";
import { checkSignInProviders } from "./sign-in-providers";
import { checkUpstreamReachable } from "./upstream-reachable";
import { checkWebhookSecret } from "./webhook-secret";
import { upstreamTarget } from "./upstream-target";

export type DoctorSection = { title: string; results: CheckResult[] };

export type DoctorReport = {
  mode: "sandbox" | "test" | "live" | "unknown";
  sections: DoctorSection[];
  counts: Record<CheckStatus, number>;
  /** 0 when nothing failed: warnings and skips never fail the run. */
  exitCode: 0 | 1;
};

export type DoctorOptions = {
  env: DoctorEnv;
  fetch: Fetch;
  /** `--customer <uuid>`: also mint a real portal session for this customer. */
  customerId?: string;
};

export async function runDoctor({ env, fetch, customerId }: DoctorOptions): Promise<DoctorReport> {
  const upstream = await upstreamChecks(env, fetch, customerId);
  const sections: DoctorSection[] = [
    { title: "Environment", results: checkEnvironmentVariables(env) },
    { title: "RevKeen", results: [...upstream, checkWebhookSecret(env)] },
    { title: "Database", results: [await checkDatabase(env)] },
    { title: "Sign-in", results: [checkSignInProviders(env), checkAuthSecret(env), checkSelfHosting(env)] },
    { title: "Running it", results: [checkHealthEndpoint(env), checkTraces(env)] },
  ];
  const secrets = secretValues(env);
  const safe = sections.map((section) => ({
    title: section.title,
    results: section.results.map((result) => ({
      ...result,
      name: redactSecrets(result.name, secrets),
      detail: redactSecrets(result.detail, secrets),
    })),
  }));
  const counts: Record<CheckStatus, number> = { ok: 0, warn: 0, fail: 0, skip: 0 };
  for (const result of safe.flatMap((section) => section.results)) counts[result.status] += 1;
  const target = upstreamTarget(env);
  return {
    mode: target.kind === "remote" ? target.mode : target.kind === "sandbox" ? "sandbox" : "unknown",
    sections: safe,
    counts,
    exitCode: counts.fail > 0 ? 1 : 0,
  };
}

async function upstreamChecks(env: DoctorEnv, fetch: Fetch, customerId: string | undefined): Promise<CheckResult[]> {
  const mode = checkMode(env);
  const reachable = await checkUpstreamReachable(env, fetch);
  if (reachable.status === "fail") {
    return [
      mode,
      reachable,
      { name: "API key accepted", status: "skip", detail: "needs a reachable upstream" },
      { name: "Portal session", status: "skip", detail: "needs a reachable upstream" },
    ];
  }
  const key = await checkApiKeyAccepted(env, fetch);
  const session =
    key.status === "fail"
      ? { name: "Portal session", status: "skip" as const, detail: "needs an accepted API key" }
      : await checkPortalSession(env, fetch, customerId);
  return [mode, reachable, key, session];
}
