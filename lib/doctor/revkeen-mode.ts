// Says in one line which RevKeen the app would talk to, because "it works" against the sandbox
// means nothing about real customers and merchants mix the two up before launch.
import type { CheckResult, DoctorEnv } from "./check-result";
import { displayUrl } from "../shared/secrets/display-url";
import { upstreamTarget } from "./upstream-target";

const NAME = "Mode";

export function checkMode(env: DoctorEnv): CheckResult {
  const target = upstreamTarget(env);
  switch (target.kind) {
    case "sandbox":
      return {
        name: NAME,
        status: "ok",
        detail: "sandbox: no REVKEEN_API_KEY, the upstream is the built-in in-process sandbox with demo customers (set a key to go live)",
      };
    case "misconfigured":
      return { name: NAME, status: "skip", detail: "undecided until the REVKEEN_ variables above are fixed" };
    case "remote":
      return target.mode === "live"
        ? { name: NAME, status: "ok", detail: `live: rk_live_ key against ${displayUrl(target.baseUrl)}, real customers` }
        : {
            name: NAME,
            status: "ok",
            detail: `test: rk_sandbox_ key against ${displayUrl(target.baseUrl)} (RevKeen test mode or \`npm run sandbox\`)`,
          };
  }
}
