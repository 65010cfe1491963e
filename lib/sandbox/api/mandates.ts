// GET /v2/customer-portal/mandates and POST /v2/customer-portal/mandates/{id}/cancel: the
// customer's Direct Debit mandates, and cancelling one for future collections.
import { z } from "zod";
import type { SandboxContext } from "../entry/context";
import { ApiError } from "../http/errors";
import { readIdempotencyKey } from "./idempotency";
import { findMandate, mandateCustomer, mandateEventObject } from "./mandate-access";
import type { OperationInput } from "./operations";
import { requirePathId } from "../http/path-ids";
import { jsonReply, type Reply } from "../http/reply";
import { parseInput, parseJsonBody, readBodyText } from "../http/request-input";
import { mandatesOf } from "../data/state";
import { settle } from "../data/time-passes";

const MANDATES_PATH = "/v2/customer-portal/mandates";

const cancelBodySchema = z
  .object({ reason: z.string("must be a string").max(500, "must be at most 500 characters").optional() }, "must be a JSON object")
  .optional();

/** Every mandate of the customer, newest first, in one page: the list takes no paging parameters. */
export function listMandates(context: SandboxContext, { request }: OperationInput): Reply {
  const customerId = mandateCustomer(context, request);
  settle(context);
  return jsonReply(200, { object: "list", data: mandatesOf(context.state, customerId), has_more: false, url: MANDATES_PATH });
}

export async function cancelMandate(context: SandboxContext, { request, url, params }: OperationInput): Promise<Reply> {
  const customerId = mandateCustomer(context, request);
  settle(context);
  const id = requirePathId(params[0], "mandate");
  const key = readIdempotencyKey(request);
  const bodyText = await readBodyText(request);
  const body = parseInput(cancelBodySchema, parseJsonBody(bodyText, { optional: true }), "body");
  const fingerprint = { scope: `customer:${customerId}`, key, method: request.method, path: url.pathname, body: bodyText };

  return context.idempotency.run(fingerprint, context.clock.now(), () => {
    const record = findMandate(context, customerId, id);
    // Unlike a subscription's, a mandate's cancel is not a no-op the second time: RevKeen refuses it.
    if (record.mandate.status === "cancelled") throw new ApiError("invalid_request", "This mandate is already cancelled.");
    const previous = { status: record.mandate.status, next_collection_date: record.mandate.next_collection_date };
    record.mandate.status = "cancelled";
    record.mandate.next_collection_date = null;
    // Merchant-facing, like a subscription's: stored, never part of the portal projection.
    record.cancellationReason = body?.reason ?? null;
    context.webhooks.emit("mandate.cancelled", mandateEventObject(record), previous);
    return jsonReply(200, { data: record.mandate });
  });
}
