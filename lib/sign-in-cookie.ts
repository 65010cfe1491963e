// Auth.js names its session cookie `__Secure-authjs.session-token` whenever it believes the site
// is on https, and it decides that from AUTH_URL when set, from X-Forwarded-Proto otherwise
// (@auth/core's createActionURL). Code that reads the session without Auth.js (proxy.ts) must
// decide the same way, or a site whose AUTH_URL says https behind a proxy that forwards plain
// http would look signed out to the gate and signed in to the pages: a redirect loop.

/** Whether Auth.js uses its secure cookie name for a request with these headers. */
export function signInCookieIsSecure(authUrl: string | undefined, headers: Headers): boolean {
  if (authUrl) return new URL(authUrl).protocol === "https:";
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  // Auth.js assumes https when nothing says otherwise; Next sets the header on every request.
  return (forwarded || "https") === "https";
}
