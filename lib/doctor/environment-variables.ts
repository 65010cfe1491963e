// One line per RevKeen / Auth.js variable: set or not, well-formed or not. The rules are the
// app's own schema (parseServerEnv), so the doctor fails exactly what `next start` would refuse.
// A secret is shown as its public prefix at most; AUTH_SECRET has its own check (auth-secret.ts).
import { EnvError, parseServerEnv } from "../env/schema.mjs";
import type { CheckResult, DoctorEnv } from "./check-result";
import { displayUrl } from "../shared/secrets/display-url";

type Defaults = ReturnType<typeof parseServerEnv>;

type Variable = {
  name: string;
  describe: (value: string | undefined, defaults: Defaults) => string;
};

const VARIABLES: Variable[] = [
  {
    name: "REVKEEN_API_KEY",
    describe: (value) => (value === undefined ? "not set: sandbox mode" : `${keyPrefix(value)} (set)`),
  },
  {
    name: "REVKEEN_API_URL",
    describe: (value, defaults) => (value === undefined ? `${defaults.REVKEEN_API_URL} (default)` : displayUrl(value)),
  },
  {
    name: "REVKEEN_SANDBOX_API_KEY",
    describe: (value) => `${value === undefined ? "the built-in default" : `${keyPrefix(value)} (set)`}, for sandbox mode and \`npm run sandbox\` only`,
  },
  {
    name: "REVKEEN_PORTAL_TTL_MINUTES",
    describe: (value, defaults) => (value === undefined ? `${defaults.REVKEEN_PORTAL_TTL_MINUTES} minutes (default)` : `${value} minutes`),
  },
  {
    name: "REVKEEN_TIMEOUT_MS",
    describe: (value, defaults) => (value === undefined ? `${defaults.REVKEEN_TIMEOUT_MS} ms (default)` : `${value} ms`),
  },
  {
    name: "REVKEEN_DEMO_SIGN_IN",
    describe: (value) => value ?? "not set: on in sandbox mode, off otherwise",
  },
  { name: "AUTH_GITHUB_ID", describe: (value) => (value === undefined ? "not set" : "set") },
  { name: "AUTH_GITHUB_SECRET", describe: (value) => (value === undefined ? "not set" : "set") },
];

/** "rk_live_…": enough to tell the mode, nothing of the secret part. */
function keyPrefix(value: string): string {
  const prefix = /^rk_(live|sandbox)_/.exec(value)?.[0];
  return prefix ? `${prefix}…` : "(not shown)";
}

/** Vercel and .env files write "left blank" as an empty string; the schema treats it as unset. */
function present(env: DoctorEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** The schema's problems by variable; a rule never contains the value. */
function problemsByVariable(env: DoctorEnv): Map<string, string[]> {
  const problems = new Map<string, string[]>();
  try {
    parseServerEnv({ ...env, AUTH_SECRET: undefined }, { requireSecrets: false });
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    for (const { variable, rule } of error.problems) {
      problems.set(variable, [...(problems.get(variable) ?? []), rule]);
    }
  }
  return problems;
}

export function checkEnvironmentVariables(env: DoctorEnv): CheckResult[] {
  const defaults = parseServerEnv({}, { requireSecrets: false });
  const problems = problemsByVariable(env);
  const results = VARIABLES.map(({ name, describe }): CheckResult => {
    const own = problems.get(name);
    problems.delete(name);
    if (own) return { name, status: "fail", detail: own.join("; ") };
    return { name, status: "ok", detail: describe(present(env, name), defaults) };
  });
  for (const [name, rules] of problems) results.push({ name, status: "fail", detail: rules.join("; ") });
  return results.map((result) => (result.name === "REVKEEN_API_URL" ? withSandboxNote(result, env) : result));
}

/** The API URL is read only with a key; plain http off this machine is the schema's to fail. */
function withSandboxNote(result: CheckResult, env: DoctorEnv): CheckResult {
  if (result.status !== "ok" || present(env, "REVKEEN_API_KEY") !== undefined) return result;
  return { ...result, detail: `${result.detail}, not used in sandbox mode` };
}
