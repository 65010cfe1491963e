// Which ways to sign in the app will offer, mirroring providerEntries() in app/(auth)/auth.ts
// (which imports "server-only", so it is read here rather than called). A merchant may have
// added providers there that the doctor cannot see, so "none" is a warning, not a failure.
import { EnvError, parseServerEnv } from "../env/schema.mjs";
import type { CheckResult, DoctorEnv } from "./check-result";

const NAME = "Sign-in providers";

export function checkSignInProviders(env: DoctorEnv): CheckResult {
  const github = githubState(env);
  const demo = demoState(env);
  const detail = `demo sign-in ${demo.label}; GitHub ${github.label}`;
  if (demo.state === "unknown" || github.state === "half") {
    return { name: NAME, status: "warn", detail: `${detail} (see the variables above)` };
  }
  if (demo.state === "off" && github.state === "off") {
    return {
      name: NAME,
      status: "warn",
      detail: `${detail}: nobody can sign in unless you added a provider in app/(auth)/auth.ts (or set AUTH_GITHUB_ID and AUTH_GITHUB_SECRET)`,
    };
  }
  if (demo.state === "on" && demo.mode !== "sandbox") {
    return { name: NAME, status: "ok", detail: `${detail}: anyone may open any demo customer's portal, fine against a sandbox only` };
  }
  return { name: NAME, status: "ok", detail };
}

function githubState(env: DoctorEnv): { state: "on" | "off" | "half"; label: string } {
  const id = Boolean(env.AUTH_GITHUB_ID?.trim());
  const secret = Boolean(env.AUTH_GITHUB_SECRET?.trim());
  if (id && secret) return { state: "on", label: "configured" };
  if (id || secret) return { state: "half", label: `half-configured (${id ? "AUTH_GITHUB_SECRET" : "AUTH_GITHUB_ID"} missing)` };
  return { state: "off", label: "not configured" };
}

function demoState(env: DoctorEnv): { state: "on" | "off" | "unknown"; mode: string; label: string } {
  try {
    // The schema decides the default (on in sandbox mode) and refuses demo sign-in with a live key.
    const parsed = parseServerEnv(
      { REVKEEN_API_KEY: env.REVKEEN_API_KEY, REVKEEN_DEMO_SIGN_IN: env.REVKEEN_DEMO_SIGN_IN },
      { requireSecrets: false },
    );
    const source = parsed.REVKEEN_DEMO_SIGN_IN === undefined ? `${parsed.mode} mode default` : "REVKEEN_DEMO_SIGN_IN";
    return parsed.demoSignIn
      ? { state: "on", mode: parsed.mode, label: `on (${source})` }
      : { state: "off", mode: parsed.mode, label: `off (${source})` };
  } catch (error) {
    if (error instanceof EnvError) return { state: "unknown", mode: "unknown", label: "undecided" };
    throw error;
  }
}
