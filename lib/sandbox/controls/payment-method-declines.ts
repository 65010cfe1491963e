// POST /__sandbox/payment-methods/declines: make a card decline (or stop declining), so a test
// can play a subscription whose first payment fails. Names one card, or every card of a customer.
import { z } from "zod";
import type { SandboxContext } from "../entry/context";
import { ApiError } from "../http/errors";
import { jsonReply, type Reply } from "../http/reply";
import { parseInput, parseJsonBody, readBodyText } from "../http/request-input";

const declinesSchema = z
  .object(
    {
      customer_id: z.uuid("must be a customer id (a UUID)").optional(),
      payment_method_id: z.uuid("must be a payment method id (a UUID)").optional(),
      declines: z.boolean("must be true or false").default(true),
    },
    "must be a JSON object",
  )
  .refine((body) => (body.customer_id === undefined) !== (body.payment_method_id === undefined), {
    path: ["body"],
    message: "name either customer_id (all of the customer's cards) or payment_method_id (one card)",
  });

export async function setDeclines(context: SandboxContext, request: Request): Promise<Reply> {
  const body = parseInput(declinesSchema, parseJsonBody(await readBodyText(request), { optional: false }), "body");
  const customerId = body.customer_id?.toLowerCase();
  const methodId = body.payment_method_id?.toLowerCase();
  const chosen = [...context.state.paymentMethods.values()].filter((record) => record.customerId === customerId || record.id === methodId);
  if (methodId !== undefined && chosen.length === 0) throw new ApiError("resource_missing", "No such payment method.");
  if (customerId !== undefined && !context.state.customers.has(customerId)) throw new ApiError("resource_missing", "No such customer.");
  for (const record of chosen) record.declines = body.declines;
  return jsonReply(200, { data: chosen.map((record) => ({ id: record.id, customer_id: record.customerId, declines: record.declines })) });
}
