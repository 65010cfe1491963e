// Both checks that mint (a random customer to prove the key, a real one to prove the whole
// path) stop for the same reasons before sending anything, and fail the same way when nothing
// answers; only what they make of an answer differs.
import type { CheckResult, DoctorEnv, Fetch } from "./check-result";
import { callUpstream, type UpstreamAnswer } from "./upstream-call";
import { NOT_NEEDED_IN_SANDBOX, upstreamTarget, type RemoteTarget } from "./upstream-target";

type Outcome = Omit<CheckResult, "name">;
type Answered = Extract<UpstreamAnswer, { kind: "answered" }>;

export type MintProbe = { kind: "outcome"; outcome: Outcome } | { kind: "answered"; answer: Answered; target: RemoteTarget };

export async function probeMint(env: DoctorEnv, fetch: Fetch, customerId: string, ttlMinutes: number): Promise<MintProbe> {
  const target = upstreamTarget(env);
  const stop = (status: Outcome["status"], detail: string): MintProbe => ({ kind: "outcome", outcome: { status, detail } });
  if (target.kind === "sandbox") return stop("skip", NOT_NEEDED_IN_SANDBOX);
  if (target.kind === "misconfigured") return stop("skip", "fix the REVKEEN_ variables above first");
  const answer = await callUpstream(fetch, target, {
    method: "POST",
    path: "/customer-portal/sessions",
    body: { customer_id: customerId, ttl_minutes: ttlMinutes },
    sendKey: true,
  });
  if (answer.kind === "timeout") return stop("fail", `no answer within ${answer.timeoutMs} ms (REVKEEN_TIMEOUT_MS)`);
  if (answer.kind === "unreachable") return stop("fail", `cannot be reached: ${answer.reason}`);
  return { kind: "answered", answer, target };
}
