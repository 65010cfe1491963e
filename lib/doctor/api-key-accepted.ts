// Proves the key with a call that cannot change anything: minting a portal session for a
// random customer id. RevKeen authenticates before it looks the customer up, so 404
// resource_missing means "key accepted, no such customer" and nothing was created.
import { randomUUID } from "node:crypto";
import type { CheckResult, DoctorEnv, Fetch } from "./check-result";
import { probeMint } from "./mint-probe";
import { upstreamError } from "../shared/revkeen-api/wire";
import { describeRefusal } from "./upstream-call";
import { displayUrl } from "../shared/secrets/display-url";

const NAME = "API key accepted";

export async function checkApiKeyAccepted(env: DoctorEnv, fetch: Fetch): Promise<CheckResult> {
  const probe = await probeMint(env, fetch, randomUUID(), 5);
  if (probe.kind === "outcome") return { name: NAME, ...probe.outcome };
  const { answer, target } = probe;

  const { status, body } = answer;
  const { code } = upstreamError(body);
  if (status === 404 && code === "resource_missing") {
    return {
      name: NAME,
      status: "ok",
      detail: `accepted (${target.mode} key): a probe for a random customer got 404 resource_missing, so nothing was created`,
    };
  }
  if (status === 404) {
    // A 404 from the router, not from the customer lookup: the path under the base is wrong.
    return {
      name: NAME,
      status: "fail",
      detail: `${describeRefusal(status, body)}; is REVKEEN_API_URL (${displayUrl(target.baseUrl)}) the API base ending in /v2?`,
    };
  }
  if (status === 401) return { name: NAME, status: "fail", detail: `refused: ${describeRefusal(status, body)}` };
  if (status === 403) {
    return { name: NAME, status: "fail", detail: `not allowed to mint portal sessions: ${describeRefusal(status, body)}` };
  }
  if (status === 429) return { name: NAME, status: "warn", detail: `rate limited (${describeRefusal(status, body)}); run the doctor again shortly` };
  if (status === 201) {
    return { name: NAME, status: "warn", detail: "accepted, but RevKeen minted a session for a random customer id, which it should not" };
  }
  if (status >= 300 && status < 400) {
    return {
      name: NAME,
      status: "fail",
      detail: `RevKeen redirected (HTTP ${status}${answer.location ? ` to ${displayUrl(answer.location)}` : ""}); the app refuses redirects so the key is never forwarded: set REVKEEN_API_URL to the final URL`,
    };
  }
  return { name: NAME, status: "fail", detail: `unexpected answer: ${describeRefusal(status, body)}` };
}
