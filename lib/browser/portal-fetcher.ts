// The browser's one way to call the app's portal API, which only reads: SWR's fetcher. Writes are
// server actions.
// Failures become a PortalFetchError carrying the API's stable code; an expired portal session
// or a signed-out user sends the browser to renew or sign in and come back here.

import { OFFLINE_MESSAGE, PortalFetchError } from "./portal-fetch-error";

/**
 * Pages render from the server's reads, so a page load calls the API not at all: the request
 * (portal-request.ts) loads with the first call, a refresh or a change, not with every page.
 */
export async function portalRequest<Body>(url: string): Promise<Body> {
  const loaded = await import("./portal-request").catch(() => null);
  if (loaded === null) throw new PortalFetchError("network:offline", 0, OFFLINE_MESSAGE);
  return loaded.sendPortalRequest<Body>(url);
}

/** SWR's fetcher: the key is the API URL. */
export function portalFetcher<Body>(url: string): Promise<Body> {
  return portalRequest<Body>(url);
}
