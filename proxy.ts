import { NextResponse, type NextRequest } from "next/server";
import { parseServerEnv } from "@/lib/env/schema.mjs";
import { readSignInToken } from "@/lib/server/auth/sign-in-cookie";
import { unavailableJson, unavailablePage, whyUnavailable } from "@/lib/server/availability/service-unavailable";
import { signInSession } from "@/lib/server/auth/sign-in-session";
import { NO_STORE } from "@/lib/server/portal-api/error-response";
import { checkoutFormActionSources } from "@/lib/server/security/checkout-origins";
import { negotiatedLocale } from "@/lib/server/i18n/negotiated-locale";
import { PORTAL_PAGE_HEADER } from "@/lib/server/i18n/portal-page-header";
import { isHttps } from "@/lib/server/security/https";
import { createNonce, securityHeaders } from "@/lib/server/security/security-headers";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { signInPath } from "@/lib/shared/paths/redirect-paths";

const env = parseServerEnv(process.env, { requireSecrets: false });
/**
 * Forms redirected to another origin, which form-action must allow: OAuth sign-in to the
 * provider's, "Pay now" to RevKeen's checkout page.
 */
const formActionOrigins = [...(env.AUTH_GITHUB_ID ? ["https://github.com"] : []), ...(portalOptions.payNow ? checkoutFormActionSources(env) : [])];

const PRIVATE = /^\/portal(\/|$)/;

/**
 * Reads the sign-in session without writing it. Auth.js's own proxy wrapper re-sets the session
 * cookie on every response, so a prefetch still in flight when the user signs out would sign
 * them back in. Whether the session was signed out is the pages' to ask (currentUser()): the gate
 * only keeps out a cookie that is missing, expired or past its lifetime, with no database call.
 */
async function isSignedIn(request: NextRequest): Promise<boolean> {
  if (!env.AUTH_SECRET) return false;
  return signInSession(await readSignInToken(request.headers, env.AUTH_SECRET, env.AUTH_URL)) !== null;
}

/**
 * Every page gets the security headers with a fresh CSP nonce (Next reads it from the request's
 * CSP header and puts it on its own scripts) and a request id for the logs. The portal is also
 * for signed-in users only: pages check the session again; this gate sends people to sign in and
 * back. The portal's API is not matched at all (see `config`). A server that refused its database
 * or nears its heap limit answers everything with a readable 503 instead
 * (lib/server/availability/service-unavailable.ts).
 */
export default async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const requestId = crypto.randomUUID();
  const headers = securityHeaders({
    nonce,
    development: process.env.NODE_ENV === "development",
    https: isHttps(request.headers, env.AUTH_URL),
    frameAncestors: env.PORTAL_FRAME_ANCESTORS,
    formActionOrigins,
  });
  const { pathname, search } = request.nextUrl;
  const isPrivate = PRIVATE.test(pathname);
  // Before anything that allocates: a page render is what a busy server cannot afford.
  const unavailable = whyUnavailable(env);

  let response: Response;
  if (unavailable !== null) {
    const locale = negotiatedLocale(request);
    response = pathname.startsWith("/api/") ? await unavailableJson(unavailable, locale) : await unavailablePage(unavailable, locale);
  } else if (isPrivate && !(await isSignedIn(request))) {
    // Next turns a same-origin redirect from the proxy into a relative one, so the browser stays
    // on the host it used (and keeps its cookies).
    response = NextResponse.redirect(new URL(signInPath(pathname + search), request.url));
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set("content-security-policy", headers["content-security-policy"] ?? "");
    forwarded.set("x-request-id", requestId);
    // Set or removed here, so a browser cannot send its own.
    if (pathname === "/portal" || pathname.startsWith("/portal/")) forwarded.set(PORTAL_PAGE_HEADER, "1");
    else forwarded.delete(PORTAL_PAGE_HEADER);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("x-request-id", requestId);
  if (isPrivate) response.headers.set("cache-control", NO_STORE);
  return response;
}

export const config = {
  // Every path but Next's static files and the portal's API: its JSON needs no nonce, and every
  // handler there runs in portalRoute() (lib/server/portal-api/portal-route.ts), which checks the
  // session first and sets the request id and the headers itself; app/api/portal/routes.test.ts
  // holds each route to it. Running the proxy there as well would only add to each call's time.
  // Each exclusion is a whole name or a folder with its slash, so /api/portal itself,
  // /api/portal-x or /favicon.icox still get the headers (proxy.test.ts compiles this as Next
  // does). Next reads it from the source: a literal only. The sandbox's hosted checkout page
  // (/__sandbox/checkout/…, sandbox mode only) is RevKeen's page, not the app's: it sets its own
  // headers, a stricter policy whose stylesheet is allowed by hash and whose URL leaves no referrer.
  // /api/health answers load balancers: no session, and its own answer while the server sheds load.
  matcher: ["/((?!_next/static/|_next/image$|favicon\\.ico$|robots\\.txt$|api/health$|api/portal/|__sandbox/checkout/).*)"],
};
