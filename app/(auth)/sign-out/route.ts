import { NextResponse, type NextRequest } from "next/server";
import { signOut } from "@/app/(auth)/auth";
import { clearVerification } from "@/lib/server/direct-debit/verification-cookie";
import { clearPortalSession } from "@/lib/server/portal-session/sealed-cookie";
import { serverEnv } from "@/lib/env/server";
import { isSameOrigin } from "@/lib/server/security/request-origin";

/**
 * Signing out is a route handler rather than a server action so that its response can carry
 * Clear-Site-Data: the browser then drops every cookie of this site, the sealed portal cookie
 * and the sign-in session included, even one this code does not know about. Auth.js's signOut
 * event revokes the session on the server too (app/(auth)/auth.ts), so a copy of the cookie
 * opens nothing either.
 */
export async function POST(request: NextRequest) {
  // A plain form POST: refuse one made by another site.
  if (!isSameOrigin(request, serverEnv())) return new NextResponse(null, { status: 403 });
  await clearPortalSession();
  await clearVerification();
  await signOut({ redirect: false });
  return new NextResponse(null, {
    status: 303,
    headers: { location: "/", "clear-site-data": '"cookies"', "cache-control": "private, no-store" },
  });
}
