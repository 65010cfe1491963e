"use client";

/**
 * Renders nothing: what counts is where it stands in the server's answer. Drawn ahead of a
 * portal page's reads (codeFirst), its client reference names the addresses of the page's client
 * code, as every client reference of a route does, so the browser fetches that code while the
 * server is still waiting on RevKeen. e2e/portal-navigation.spec.ts holds it to that.
 */
export function PageCodeHint(): null {
  return null;
}
