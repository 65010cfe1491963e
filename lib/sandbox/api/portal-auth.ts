// Turns a portal call's bearer token into the customer it was minted for.
import type { SandboxContext } from "../entry/context";
import { requirePortalToken } from "./credentials";
import { ApiError } from "../http/errors";

const REFUSALS = {
  unknown: "Unknown portal session token: mint a session with POST /v2/customer-portal/sessions.",
  revoked: "This portal session has been revoked: mint a new one.",
  expired: "This portal session has expired: mint a new one.",
} as const;

export function authenticateCustomer(context: SandboxContext, request: Request): string {
  const token = requirePortalToken(request);
  const lookup = context.tokens.resolve(token, context.clock.now());
  if (lookup.kind !== "valid") throw new ApiError("unauthenticated", REFUSALS[lookup.kind]);
  return lookup.session.customerId;
}
