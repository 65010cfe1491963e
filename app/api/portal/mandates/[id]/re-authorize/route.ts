import type { NextRequest } from "next/server";
import { changeBankDetails } from "@/lib/server/direct-debit/change-bank";
import { portalRoute } from "@/lib/server/portal-api/portal-route";
import { readJsonBody, requireIdempotencyKey, requireSameOrigin } from "@/lib/server/portal-api/write-request";
import { checkWriteRate } from "@/lib/server/security/request-limits";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { dataBody } from "@/lib/shared/portal-api/payloads";
import { newBankDetailsSchema } from "@/lib/shared/revkeen-api/mandates";

/**
 * Step three: the new bank details, with the verification token from this browser's sealed
 * cookie. The answer is the mandate as RevKeen now has it: only the last four digits come back.
 */
export const POST = portalRoute(async (request: NextRequest, { params }: RouteContext<"/api/portal/mandates/[id]/re-authorize">, user) => {
  requireSameOrigin(request);
  const { id } = await params;
  if (!isResourceId(id)) throw new PortalError("mandate:not_found");
  const key = requireIdempotencyKey(request);
  await checkWriteRate(user.id);
  const details = await readJsonBody(request, newBankDetailsSchema, new PortalError("mandate:details_invalid"));
  return Response.json(dataBody(await changeBankDetails(user, id, details, key)));
});
