// The whole "Manage billing" path for one real customer: mint a session the way the app does
// and read the answer with the app's own parser, so a shape the app cannot read shows up here.
// The shortest lifetime RevKeen allows keeps the unused session's window small.
import { z } from "zod";
import { parseSessionResponse, SessionResponseError } from "../shared/revkeen-api/session-response";
import type { CheckResult, DoctorEnv, Fetch } from "./check-result";
import { probeMint } from "./mint-probe";
import { describeRefusal } from "./upstream-call";
import { NOT_NEEDED_IN_SANDBOX, upstreamTarget } from "./upstream-target";

const NAME = "Portal session";
const TTL_MINUTES = 5;

export async function checkPortalSession(
  env: DoctorEnv,
  fetch: Fetch,
  customerId: string | undefined,
  now: () => number = Date.now,
): Promise<CheckResult> {
  if (upstreamTarget(env).kind === "sandbox") return { name: NAME, status: "skip", detail: NOT_NEEDED_IN_SANDBOX };
  if (customerId === undefined) {
    return { name: NAME, status: "skip", detail: "pass --customer <uuid> to mint a test session for one of your customers" };
  }
  if (!z.uuid().safeParse(customerId).success) {
    return { name: NAME, status: "fail", detail: "--customer must be a RevKeen customer id (a UUID)" };
  }
  const probe = await probeMint(env, fetch, customerId, TTL_MINUTES);
  if (probe.kind === "outcome") return { name: NAME, ...probe.outcome };
  const { answer } = probe;
  if (answer.status === 404) {
    return { name: NAME, status: "fail", detail: `RevKeen has no customer ${customerId} for this merchant (${describeRefusal(404, answer.body)})` };
  }
  if (answer.status !== 201) {
    return { name: NAME, status: "fail", detail: `could not mint for ${customerId}: ${describeRefusal(answer.status, answer.body)}` };
  }
  const checkedAt = now();
  try {
    const session = parseSessionResponse(answer.body, { ttlMinutes: TTL_MINUTES, now: checkedAt });
    if (session.customerId !== null && session.customerId.toLowerCase() !== customerId.toLowerCase()) {
      return { name: NAME, status: "fail", detail: "RevKeen answered with a session for another customer" };
    }
    const minutes = Math.round((session.expiresAt.getTime() - checkedAt) / 60_000);
    return {
      name: NAME,
      status: "ok",
      detail: `minted for ${customerId}, expires ${session.expiresAt.toISOString()} (in ${minutes} min); token not shown`,
    };
  } catch (error) {
    // Its messages are written never to include the body, which holds the token.
    if (error instanceof SessionResponseError) return { name: NAME, status: "fail", detail: error.message };
    throw error;
  }
}
