import { withStoredPortalToken } from "@/lib/server/portal-session/renew";
import { listBody } from "@/lib/shared/portal-api/payloads";
import { portalRoute } from "@/lib/server/portal-api/portal-route";
import { listMandates } from "@/lib/server/revkeen-api/mandates";

/** The customer's Direct Debit mandates; 403 mandate:self_service_off where the merchant does not offer them here. */
export const GET = portalRoute(async (_request, _context: unknown, user) => {
  const list = await withStoredPortalToken(user, (token) => listMandates(token));
  return Response.json(listBody(list));
});
