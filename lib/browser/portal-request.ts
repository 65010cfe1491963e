// The read behind portalRequest (portal-fetcher.ts), loaded with the first call. Modules that
// are themselves loaded on demand may import it directly.
import { renewPath, signInPath } from "@/lib/shared/paths/redirect-paths";
import { isPortalErrorCode, SERVER_ERROR_MESSAGE } from "@/lib/shared/portal-api/error-codes";
import { OFFLINE_MESSAGE, PortalFetchError } from "./portal-fetch-error";

type ErrorJson = { error?: { code?: unknown; message?: unknown; retry_after?: unknown } };

function currentPath(): string {
  return window.location.pathname + window.location.search;
}

// Full-page loads on purpose: /portal/session is a route handler that sets a cookie and
// redirects, and sign-in must start a fresh document; neither is a client-side navigation.
function leaveToSignIn(code: string): void {
  if (code === "portal:expired") {
    window.location.assign(renewPath(currentPath()));
  } else if (code === "auth:unauthenticated") {
    window.location.assign(signInPath(currentPath()));
  }
}

function errorFrom(response: Response, json: unknown): PortalFetchError {
  const error = (json as ErrorJson | undefined)?.error;
  const code = isPortalErrorCode(error?.code) ? error.code : "server:error";
  // The API's messages are written for customers (it sends one with every code, so the browser
  // needs none of errors.ts); anything else gets the generic one.
  const message = typeof error?.message === "string" && isPortalErrorCode(error.code) ? error.message : SERVER_ERROR_MESSAGE;
  const retryAfter = typeof error?.retry_after === "number" ? error.retry_after : undefined;
  return new PortalFetchError(code, response.status, message, retryAfter);
}

export async function sendPortalRequest<Body>(url: string): Promise<Body> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new PortalFetchError("network:offline", 0, OFFLINE_MESSAGE);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorFrom(response, json);
    leaveToSignIn(error.code);
    throw error;
  }
  return json as Body;
}
