import "server-only";
// The wrapper every portal API handler runs in: the signed-in check before anything else, one
// error shape (PortalError's body and status, Retry-After when known), nothing cached anywhere.
import type { NextRequest } from "next/server";
import { log } from "@/lib/server/logging/log";
import { currentUser, type SignedInUser } from "@/lib/server/auth/current-user";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { runWithRequestId } from "@/lib/server/logging/request-id";
import { NO_STORE, portalErrorResponse } from "./error-response";

type Handler<Context> = (request: NextRequest, context: Context) => Promise<Response>;
type PortalHandler<Context> = (request: NextRequest, context: Context, user: SignedInUser) => Promise<Response>;

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
