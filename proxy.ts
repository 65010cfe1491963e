import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/app/(auth)/auth.config";
import { parseServerEnv } from "@/lib/env/schema.mjs";
import { createNonce, securityHeaders } from "@/lib/security-headers";

const { auth } = NextAuth(authConfig);

const env = parseServerEnv(process.env, { requireSecrets: false });
/** OAuth sign-in forms are redirected to the provider's own origin, which form-action must allow. */
const formActionOrigins = env.AUTH_GITHUB_ID ? ["https://github.com"] : [];

const PRIVATE = /^\/(portal|api\/portal)(\/|$)/;

function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? request.nextUrl.protocol.replace(":", "")) === "https";
}

/**
 * Every page gets the security headers with a fresh CSP nonce (Next reads it from the request's
 * CSP header and puts it on its own scripts). The portal and its API are also for signed-in
 * users only: pages and handlers check the session again; this gate sends people to sign in
 * and back.
 */
export default auth((request) => {
  const nonce = createNonce();
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
  if (isPrivate && !request.auth?.user) {
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
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (isPrivate) response.headers.set("cache-control", "private, no-store");
  return response;
});

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
