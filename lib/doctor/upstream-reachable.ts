// "Does REVKEEN_API_URL answer at all?" Any HTTP answer counts: this separates a wrong host,
// a firewall or DNS from a wrong key, which the next check covers. The key is not sent here.
import type { CheckResult, DoctorEnv, Fetch } from "./check-result";
import { callUpstream } from "./upstream-call";
import { displayUrl } from "../shared/secrets/display-url";
import { NOT_NEEDED_IN_SANDBOX, upstreamTarget } from "./upstream-target";

const NAME = "Upstream reachable";

export async function checkUpstreamReachable(env: DoctorEnv, fetch: Fetch): Promise<CheckResult> {
  const target = upstreamTarget(env);
  if (target.kind === "sandbox") return { name: NAME, status: "skip", detail: NOT_NEEDED_IN_SANDBOX };
  if (target.kind === "misconfigured") {
    return { name: NAME, status: "skip", detail: "fix the REVKEEN_ variables above first" };
  }
  const where = displayUrl(target.baseUrl);
  const answer = await callUpstream(fetch, target, { method: "GET", path: "", sendKey: false });
  switch (answer.kind) {
    case "timeout":
      return { name: NAME, status: "fail", detail: `${where} did not answer within ${answer.timeoutMs} ms (REVKEEN_TIMEOUT_MS)` };
    case "unreachable":
      return { name: NAME, status: "fail", detail: `${where} cannot be reached: ${answer.reason}` };
    case "answered":
      if (answer.status >= 500) {
        return {
          name: NAME,
          status: "warn",
          detail: `${where} answered HTTP ${answer.status} in ${answer.elapsedMs} ms: up, but failing right now`,
        };
      }
      return { name: NAME, status: "ok", detail: `${where} answered (HTTP ${answer.status}) in ${answer.elapsedMs} ms` };
  }
}
