import "server-only";
// The wrapper every portal API handler runs in: the signed-in check before anything else, one
// error shape (PortalError's body and status, Retry-After when known), nothing cached anywhere.
import { NextResponse, type NextRequest } from "next/server";
import { log } from "@/lib/server/logging/log";
import type { SignedInUser } from "@/lib/server/billing-account/customer-id-for-user";
import { currentUser } from "@/lib/server/portal-session/renew";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { runWithRequestId } from "@/lib/server/logging/request-id";

type Handler<Context> = (request: NextRequest, context: Context) => Promise<Response>;
type PortalHandler<Context> = (request: NextRequest, context: Context, user: SignedInUser) => Promise<Response>;

const NO_STORE = "private, no-store";

export function portalErrorResponse(error: PortalError): NextResponse {
  const response = NextResponse.json(error.toBody(), { status: error.status });
  if (error.retryAfter !== undefined) response.headers.set("retry-after", String(error.retryAfter));
  response.headers.set("cache-control", NO_STORE);
  return response;
}

function asPortalError(error: unknown, request: NextRequest): PortalError {
  if (error instanceof PortalError) return error;
  // Unknown failures are logged here and answered generically: no stack or upstream text leaves.
  log.error("portal_api.unexpected_error", {
    method: request.method,
    path: request.nextUrl.pathname,
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : undefined,
  });
  return new PortalError("server:error");
}

export function portalRoute<Context>(handler: PortalHandler<Context>): Handler<Context> {
  return (request, context) =>
    runWithRequestId(async () => {
      try {
        // The proxy checks too; a handler must not rely on being behind it.
        const user = await currentUser();
        if (user === null) throw new PortalError("auth:unauthenticated");
        const response = await handler(request, context, user);
        response.headers.set("cache-control", NO_STORE);
        return response;
      } catch (error) {
        return portalErrorResponse(asPortalError(error, request));
      }
    });
}
