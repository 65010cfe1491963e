import { NextResponse, type NextRequest } from "next/server";
import { currentUser, mintPortalSession } from "@/lib/portal-access";
import { safePortalPath } from "@/lib/safe-path";
import { PortalError } from "@/lib/portal-error";
import { readPortalSession } from "@/lib/portal-session";

/**
 * Pages cannot set cookies, so a page whose portal session is missing or stale sends the browser
 * here: mint, store the cookie, and go straight back to `next`.
 */
export async function GET(request: NextRequest) {
  const next = safePortalPath(request.nextUrl.searchParams.get("next"));
  const user = await currentUser();
  if (user === null) {
    return redirectTo(request, `/sign-in?${new URLSearchParams({ callbackUrl: next }).toString()}`);
  }
  const force = request.nextUrl.searchParams.get("force") === "1";
  const stored = await readPortalSession(user.id);
  if (force || stored.state !== "valid") {
    try {
      await mintPortalSession(user, { afterRefusal: force });
    } catch (error) {
      if (!(error instanceof PortalError)) throw error;
      return redirectTo(request, `/?${new URLSearchParams({ billing_error: error.code }).toString()}`);
    }
  }
  return redirectTo(request, next);
}

function redirectTo(request: NextRequest, path: string) {
  const response = NextResponse.redirect(new URL(path, request.nextUrl), 303);
  response.headers.set("cache-control", "private, no-store");
  return response;
}
