import { PortalError } from "@/lib/shared/portal-api/errors";
import { portalRoute } from "@/lib/server/portal-api/portal-route";

/**
 * Any other path under /api/portal is a JSON 404 rather than Next's HTML page. Deliberately not
 * a pass-through: nothing here is ever forwarded upstream. Inside portalRoute() like every portal
 * handler, since proxy.ts does not run for the portal's API: signed out is a 401 here too.
 */
const notFound = portalRoute(async () => {
  throw new PortalError("route:not_found");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
