import { NextResponse, type NextRequest } from "next/server";
import { parseServerEnv } from "@/lib/env/schema.mjs";
import { createNonce, securityHeaders } from "@/lib/server/security/security-headers";
import { readSignInToken } from "@/lib/server/auth/sign-in-cookie";

const env = parseServerEnv(process.env, { requireSecrets: false });
/** OAuth sign-in forms are redirected to the provider's own origin, which form-action must allow. */
const formActionOrigins = env.AUTH_GITHUB_ID ? ["https://github.com"] : [];

const PRIVATE = /^\/(portal|api\/portal)(\/|$)/;

function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? request.nextUrl.protocol.replace(":", "")) === "https";
}

/**
 * Reads the sign-in session without writing it. Auth.js's own proxy wrapper re-sets the session
 * cookie on every response, so a prefetch still in flight when the user signs out would sign
 * them back in.
 */
async function isSignedIn(request: NextRequest): Promise<boolean> {
  if (!env.AUTH_SECRET) return false;
  return (await readSignInToken(request.headers, env.AUTH_SECRET, env.AUTH_URL)) !== null;
}

/**
 * Every page gets the security headers with a fresh CSP nonce (Next reads it from the request's
 * CSP header and puts it on its own scripts) and a request id for the logs. The portal and its
 * API are also for signed-in users only: pages and handlers check the session again; this gate
 * sends people to sign in and back.
 */
export default async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const requestId = crypto.randomUUID();
  const headers = securityHeaders({
    nonce,
    development: process.env.NODE_ENV === "development",
    https: isHttps(request),
    frameAncestors: env.PORTAL_FRAME_ANCESTORS,
    formActionOrigins,
  });
  const { pathname, search } = request.nextUrl;
  const isPrivate = PRIVATE.test(pathname);

  let response: NextResponse;
  if (isPrivate && !(await isSignedIn(request))) {
    if (pathname.startsWith("/api/")) {
      response = NextResponse.json(
        { error: { code: "auth:unauthenticated", message: "Please sign in to manage your billing." } },
        { status: 401 },
      );
    } else {
      // Next turns a same-origin redirect from the proxy into a relative one, so the browser stays
      // on the host it used (and keeps its cookies).
      const signIn = new URL("/sign-in", request.url);
      signIn.searchParams.set("callbackUrl", pathname + search);
      response = NextResponse.redirect(signIn);
    }
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set("content-security-policy", headers["content-security-policy"] ?? "");
    forwarded.set("x-request-id", requestId);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("x-request-id", requestId);
  if (isPrivate) response.headers.set("cache-control", "private, no-store");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
