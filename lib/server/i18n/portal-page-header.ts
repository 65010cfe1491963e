import "server-only";

/**
 * Set by proxy.ts on requests for the portal's pages, and removed from any other: it tells the
 * language choice (./request-locale.ts) that the customer's RevKeen locale applies.
 */
export const PORTAL_PAGE_HEADER = "x-portal-page";
