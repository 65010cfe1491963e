import type { NextRequest } from "next/server";
import { cancelDirectDebit } from "@/lib/server/direct-debit/cancel-direct-debit";
import { portalRoute } from "@/lib/server/portal-api/portal-route";
import { readJsonBody, requireIdempotencyKey, requireSameOrigin } from "@/lib/server/portal-api/write-request";
import { checkWriteRate } from "@/lib/server/security/request-limits";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { dataBody } from "@/lib/shared/portal-api/payloads";
import { cancelMandateBodySchema } from "@/lib/shared/revkeen-api/mandates";

/** Cancels one of the customer's mandates (future collections stop), once per intent. */
export const POST = portalRoute(async (request: NextRequest, { params }: RouteContext<"/api/portal/mandates/[id]/cancel">, user) => {
  requireSameOrigin(request);
  const { id } = await params;
  if (!isResourceId(id)) throw new PortalError("mandate:not_found");
  const key = requireIdempotencyKey(request);
  await checkWriteRate(user.id);
  const body = await readJsonBody(request, cancelMandateBodySchema);
  return Response.json(dataBody(await cancelDirectDebit(user, id, body, key)));
});
