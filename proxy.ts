import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/app/(auth)/auth.config";

const { auth } = NextAuth(authConfig);

/**
 * The portal and its API are for signed-in users only. Pages and handlers check the session
 * again themselves; this is the first gate, and the one that sends people to sign in and back.
 */
export default auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "auth:unauthenticated", message: "Please sign in to manage your billing." } },
      { status: 401, headers: { "cache-control": "private, no-store" } },
    );
  }
  const signIn = new URL("/sign-in", request.nextUrl);
  signIn.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(signIn);
});

export const config = {
  matcher: ["/portal/:path*", "/api/portal/:path*"],
};
