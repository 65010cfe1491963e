import "server-only";
// The wrapper every portal API handler runs in: the signed-in check before anything else, one
// error shape (PortalError's body and status, Retry-After when known), nothing cached anywhere.
// proxy.ts does not run for /api/portal (its `config` says why), so the request id for the logs
// and the security headers are set here, on every answer, errors included. An error's message is
// in the language of the switcher's cookie, else the browser's (Accept-Language); the portal's
// pages word the codes they read themselves, in the page's language.
import type { NextRequest } from "next/server";
import { serverEnv } from "@/lib/env/server";
import { log } from "@/lib/server/logging/log";
import { currentUser, type SignedInUser } from "@/lib/server/auth/current-user";
import { unavailableJson, whyUnavailable } from "@/lib/server/availability/service-unavailable";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { localizedErrorText } from "@/lib/server/i18n/error-text";
import { negotiatedLocale } from "@/lib/server/i18n/negotiated-locale";
import { runWithRequestId } from "@/lib/server/logging/request-id";
import { isHttps } from "@/lib/server/security/https";
import { apiSecurityHeaders } from "@/lib/server/security/security-headers";
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
  return async (request, context) => {
    const requestId = crypto.randomUUID();
    const response = await runWithRequestId(async () => {
      try {
        // What proxy.ts checks for every other path: this one it does not run for.
        const unavailable = whyUnavailable(serverEnv());
        if (unavailable !== null) return await unavailableJson(unavailable, negotiatedLocale(request));
        const user = await currentUser();
        if (user === null) throw new PortalError("auth:unauthenticated");
        return await handler(request, context, user);
      } catch (error) {
        const failure = asPortalError(error, request);
        return portalErrorResponse(failure, await localizedErrorText(negotiatedLocale(request), failure));
      }
    }, requestId);
    for (const [name, value] of Object.entries(apiSecurityHeaders(isHttps(request.headers, serverEnv().AUTH_URL)))) {
      response.headers.set(name, value);
    }
    response.headers.set("x-request-id", requestId);
    response.headers.set("cache-control", NO_STORE);
    return response;
  };
}
