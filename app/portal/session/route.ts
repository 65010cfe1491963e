import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/lib/server/auth/current-user";
import { mintPortalSession } from "@/lib/server/portal-session/mint";
import { readPortalSession } from "@/lib/server/portal-session/sealed-cookie";
import { signInPath } from "@/lib/shared/paths/redirect-paths";
import { safePortalPath } from "@/lib/shared/paths/safe-path";
import { PortalError } from "@/lib/shared/portal-api/errors";

/**
 * Pages cannot set cookies, so a page whose portal session is missing or stale sends the browser
 * here: mint, store the cookie, and go straight back to `next`.
 */
export async function GET(request: NextRequest) {
  // A page's redirect() during a client-side navigation arrives here as a React Server Components
  // fetch, which would follow our redirect back without the new cookie taking part in the render.
  // Answering it with no RSC payload makes the router load this URL as a full page instead.
  if (request.headers.has("rsc") || request.headers.has("next-router-prefetch")) {
    return new NextResponse(null, { status: 204, headers: { "cache-control": "private, no-store" } });
  }
  const next = safePortalPath(request.nextUrl.searchParams.get("next"));
  try {
    const user = await currentUser();
    if (user === null) return redirectTo(signInPath(next));
    const force = request.nextUrl.searchParams.get("force") === "1";
    const stored = await readPortalSession(user.id);
    if (force || stored.state !== "valid") {
      // Minting spends the merchant's key and the user's allowance. A GET is only trusted to do that
      // when the browser says this site (or the user, typing or bookmarking) started it; another
      // site's link or form gets the way in instead, one press away.
      if (!isOwnNavigation(request)) return redirectTo(`/?${new URLSearchParams({ next }).toString()}`);
      await mintPortalSession(user, { afterRefusal: force });
    }
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    return redirectTo(`/?${new URLSearchParams({ billing_error: error.code, next }).toString()}`);
  }
  return redirectTo(next);
}

/** Sec-Fetch-Site, which pages cannot set: `same-origin` for this site's own, `none` for the user's. */
function isOwnNavigation(request: NextRequest): boolean {
  const site = request.headers.get("sec-fetch-site");
  return site === "same-origin" || site === "none";
}

/**
 * A relative Location: behind a proxy, or on 127.0.0.1 vs localhost, the host Next sees is not
 * always the one the browser used, and an absolute URL to the wrong host loses the cookies.
 */
function redirectTo(path: string) {
  return new NextResponse(null, { status: 303, headers: { location: path, "cache-control": "private, no-store" } });
}
