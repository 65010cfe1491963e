import "server-only";
// The one way the app's API answers an error: PortalError's body and status, Retry-After when
// known, never cached. proxy.ts marks the portal's pages with the same NO_STORE.
import { NextResponse } from "next/server";
import type { PortalError } from "@/lib/shared/portal-api/errors";

export const NO_STORE = "private, no-store";

/** `message`: the error's words in the request's language (lib/server/i18n/error-text.ts). */
export function portalErrorResponse(error: PortalError, message: string): NextResponse {
  const response = NextResponse.json(error.toBody(message), { status: error.status });
  if (error.retryAfter !== undefined) response.headers.set("retry-after", String(error.retryAfter));
  response.headers.set("cache-control", NO_STORE);
  return response;
}
