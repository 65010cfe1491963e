// RevKeen's merchant operations take more fields than the sandbox plays. A field it does not play
// is a 400 that names it, never silently ignored: a test that sends `trialEnd` must not pass
// against the sandbox and then behave differently against RevKeen.
import { ApiError } from "../http/errors";

/**
 * Refuses a body (already parsed JSON) holding any key besides `played`. `documented` are the other
 * fields RevKeen's SDK lists for the operation: refused as not played here rather than unknown.
 */
export function refuseUnplayedFields(body: unknown, operation: string, played: readonly string[], documented: readonly string[]): void {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return;
  const extra = Object.keys(body).find((key) => !played.includes(key));
  if (extra === undefined) return;
  const takes = `it takes ${played.join(", ")}`;
  if (documented.includes(extra)) {
    throw new ApiError("invalid_request", `Invalid ${extra}: the sandbox does not play ${extra} in ${operation} (${takes}).`);
  }
  throw new ApiError("invalid_request", `Invalid ${extra}: ${operation} has no such field (${takes}, in camelCase).`);
}
