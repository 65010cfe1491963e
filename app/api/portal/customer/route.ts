import { withPortalToken } from "@/lib/portal-access";
import { dataBody } from "@/lib/portal-payloads";
import { portalRoute } from "@/lib/portal-route";
import { getCustomer } from "@/lib/revkeen/client";

export const GET = portalRoute(async () => {
  const customer = await withPortalToken((token) => getCustomer(token));
  return Response.json(dataBody(customer));
});
