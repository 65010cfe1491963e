// Where a change of bank account stands, for its page and its client flow alike:
// which step comes after a refusal, and which refusals end the attempt.
import type { PortalErrorCode } from "@/lib/shared/portal-api/errors";

export type ChangeBankStep = "send" | "code" | "details" | "stopped";

/** After these, sending the form again cannot help: above all after an unknown outcome. */
const STOPS: ReadonlySet<string> = new Set<PortalErrorCode>(["mandate:must_reconcile", "mandate:amendment_in_progress", "mandate:not_amendable", "mandate:not_found"]);
const NEW_CODE: ReadonlySet<string> = new Set<PortalErrorCode>(["mandate:code_invalid", "mandate:code_expired", "mandate:code_attempts_exceeded"]);

/** Any code: one that is not a refusal of this flow (network:offline, say) keeps the step. */
export function stepAfterRefusal(code: string, current: ChangeBankStep): ChangeBankStep {
  if (STOPS.has(code)) return "stopped";
  // The held verification is spent: a new code starts over.
  if (code === "mandate:verification_expired") return "send";
  if (NEW_CODE.has(code)) return "code";
  return current;
}
