// The browser's one way to call the app's portal API: SWR's fetcher and the cancel request.
// Failures become a PortalFetchError carrying the API's stable code; an expired portal session
// or a signed-out user sends the browser to renew or sign in and come back here.
import { renewPath, signInPath } from "@/lib/shared/paths/redirect-paths";
import { isPortalErrorCode, portalErrorCodes } from "@/lib/shared/portal-api/errors";

export class PortalFetchError extends Error {
  readonly code: string;
  readonly status: number;
  readonly retryAfter: number | undefined;

  constructor(code: string, status: number, message: string, retryAfter?: number) {
    super(message);
    this.name = "PortalFetchError";
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

type ErrorJson = { error?: { code?: unknown; message?: unknown; retry_after?: unknown } };

const OFFLINE_MESSAGE = "We couldn't reach the server. Check your connection and try again.";

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
  // The API's messages are written for customers; anything else gets the generic one.
  const message = typeof error?.message === "string" && isPortalErrorCode(error.code) ? error.message : portalErrorCodes[code].message;
  const retryAfter = typeof error?.retry_after === "number" ? error.retry_after : undefined;
  return new PortalFetchError(code, response.status, message, retryAfter);
}

export async function portalRequest<Body>(url: string, init: RequestInit = {}): Promise<Body> {
  const headers = new Headers(init.headers);
  headers.set("accept", "application/json");
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers, credentials: "same-origin", cache: "no-store" });
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

/** SWR's fetcher: the key is the API URL. */
export function portalFetcher<Body>(url: string): Promise<Body> {
  return portalRequest<Body>(url);
}
