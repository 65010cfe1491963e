import type { NextRequest } from "next/server";
import { withStoredPortalToken } from "@/lib/server/portal-session/renew";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { parseListQuery } from "@/lib/shared/portal-api/input";
import { listBody } from "@/lib/shared/portal-api/payloads";
import { portalRoute } from "@/lib/server/portal-api/portal-route";
import { listSubscriptions } from "@/lib/server/revkeen-api/customer-portal";

export const GET = portalRoute(async (request: NextRequest, _context: unknown, user) => {
  const query = parseListQuery(request.nextUrl.searchParams);
  if (query === null) throw new PortalError("request:invalid");
  const list = await withStoredPortalToken(user, (token) => listSubscriptions(token, query));
  return Response.json(listBody(list));
});
