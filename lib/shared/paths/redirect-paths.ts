// The two places the app sends a browser to and back from, built one way everywhere: the server
// (proxy, actions, pages, route handlers) and the browser's fetcher alike.

/** Sign in, then come back to `callbackUrl` (a path on this site). */
export function signInPath(callbackUrl: string): `/sign-in?${string}` {
  return `/sign-in?${new URLSearchParams({ callbackUrl }).toString()}`;
}

/**
 * Get a fresh portal session, then come back to `next`. `force` mints even when the cookie
 * looks valid: RevKeen has just refused its token.
 */
export function renewPath(next: string, force = false): `/portal/session?${string}` {
  const query = new URLSearchParams({ next });
  if (force) query.set("force", "1");
  return `/portal/session?${query.toString()}`;
}
