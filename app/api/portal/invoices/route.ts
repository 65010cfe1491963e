import type { NextRequest } from "next/server";
import { withPortalToken } from "@/lib/portal-access";
import { PortalError } from "@/lib/portal-error";
import { parseListQuery } from "@/lib/portal-input";
import { listBody } from "@/lib/portal-payloads";
import { portalRoute } from "@/lib/portal-route";
import { listInvoices } from "@/lib/revkeen/client";

export const GET = portalRoute(async (request: NextRequest, _context: unknown, user) => {
  const query = parseListQuery(request.nextUrl.searchParams);
  if (query === null) throw new PortalError("request:invalid");
  const list = await withPortalToken(user, (token) => listInvoices(token, query));
  return Response.json(listBody(list));
});
