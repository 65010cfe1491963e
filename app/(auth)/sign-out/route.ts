import { NextResponse, type NextRequest } from "next/server";
import { signOut } from "@/app/(auth)/auth";
import { clearVerification } from "@/lib/server/direct-debit/verification-cookie";
import { clearPortalSession } from "@/lib/server/portal-session/sealed-cookie";
import { serverEnv } from "@/lib/env/server";
import { languageCookie } from "@/lib/server/i18n/language-cookie";
import { isHttps } from "@/lib/server/security/https";
import { isSameOrigin } from "@/lib/server/security/request-origin";
import { isAppLocale, LOCALE_COOKIE } from "@/lib/shared/i18n/locales";

const NO_STORE = "private, no-store";

/**
 * Signing out is a route handler rather than a server action so that its response can carry
 * Clear-Site-Data: the browser then drops every cookie of this site, the sealed portal cookie
 * and the sign-in session included, even one this code does not know about. Auth.js's signOut
 * event revokes the session on the server too (app/(auth)/auth.ts), so a copy of the cookie
 * opens nothing either.
 *
 * The language chosen in the footer is dropped with the rest, and a cookie set in that same
 * response is dropped too (the browser clears after storing it). So the language goes on to
 * GET below in the address, which sets it again on its way home.
 */
export async function POST(request: NextRequest) {
  // A plain form POST: refuse one made by another site.
  if (!isSameOrigin(request, serverEnv())) return new NextResponse(null, { status: 403 });
  await clearPortalSession();
  await clearVerification();
  await signOut({ redirect: false });
  const language = request.cookies.get(LOCALE_COOKIE)?.value;
  return new NextResponse(null, {
    status: 303,
    headers: { location: isAppLocale(language) ? `/sign-out?language=${language}` : "/", "clear-site-data": '"cookies"', "cache-control": NO_STORE },
  });
}

/** The end of signing out: the language chosen before it, remembered again, then home. */
export async function GET(request: NextRequest) {
  const language = request.nextUrl.searchParams.get("language");
  const response = new NextResponse(null, { status: 303, headers: { location: "/", "cache-control": NO_STORE } });
  // Only at the end of this site's own sign-out: a link from another site changes nothing.
  if (isAppLocale(language) && request.headers.get("sec-fetch-site") === "same-origin") {
    response.cookies.set(languageCookie(language, isHttps(request.headers, serverEnv().AUTH_URL)));
  }
  return response;
}
