import { PortalError } from "@/lib/shared/portal-api/errors";
import { portalErrorResponse } from "@/lib/server/portal-api/error-response";

/**
 * Any other path under /api/portal is a JSON 404 rather than Next's HTML page. Deliberately not
 * a pass-through: nothing here is ever forwarded upstream.
 */
async function notFound(): Promise<Response> {
  return portalErrorResponse(new PortalError("route:not_found"));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
