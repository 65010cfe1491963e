// POST /v2/customer-portal/sessions: the merchant key mints a customer's portal session.
import { z } from "zod";
import type { SandboxContext } from "../entry/context";
import { requireMerchantKey } from "./credentials";
import { ApiError } from "../http/errors";
import { readIdempotencyKey } from "./idempotency";
import type { OperationInput } from "./operations";
import { jsonReply, type Reply } from "../http/reply";
import { parseInput, parseJsonBody, readBodyText } from "../http/request-input";
import { renderSession } from "./session-shape";

const createSessionSchema = z.object(
  {
    customer_id: z.uuid("must be a customer id (a UUID)"),
    ttl_minutes: z
      .int("must be a whole number of minutes")
      .min(5, "must be at least 5")
      .max(240, "must be at most 240")
      .default(60),
  },
  "must be a JSON object",
);

export async function createSession(context: SandboxContext, { request, url }: OperationInput): Promise<Reply> {
  const scope = requireMerchantKey(request, context.apiKey);
  const key = readIdempotencyKey(request);
  const bodyText = await readBodyText(request);
  const body = parseInput(createSessionSchema, parseJsonBody(bodyText, { optional: false }), "body");
  const now = context.clock.now();
  const fingerprint = { scope, key, method: request.method, path: url.pathname, body: bodyText };

  return context.idempotency.run(fingerprint, now, () => {
    const customer = context.state.customers.get(body.customer_id.toLowerCase());
    if (!customer) throw new ApiError("resource_missing", "No such customer for this merchant.");
    const { token, session } = context.tokens.mint(customer.id, now, body.ttl_minutes);
    const view = { session, token, merchantId: context.state.merchantId, origin: url.origin };
    return jsonReply(201, { data: renderSession(context.sessionShape, view) });
  });
}
