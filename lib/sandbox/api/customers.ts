// The merchant's customer operations: POST /v2/customers and GET /v2/customers/{id}, with the
// merchant key. Fields arrive in camelCase and leave in snake_case, as RevKeen's SDK describes;
// an e-mail has one customer per merchant; a repeated Idempotency-Key creates one customer.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { toIso } from "../data/calendar";
import type { SandboxContext } from "../entry/context";
import { requireMerchantKey } from "./credentials";
import { ApiError } from "../http/errors";
import { readIdempotencyKey } from "./idempotency";
import type { OperationInput } from "./operations";
import { requirePathId } from "../http/path-ids";
import type { CustomerDetails } from "../data/records";
import { jsonReply, type Reply } from "../http/reply";
import { parseInput, parseJsonBody, readBodyText } from "../http/request-input";

/** Customers the sandbox creates at most (the demo ones aside): a script creating in a loop fills no memory. */
const MAX_CREATED = 1_000;

const optionalText = (max: number) => z.string("must be a string").trim().max(max, `must be at most ${max} characters`).optional();

const createCustomerSchema = z.object(
  {
    email: z.email("must be an e-mail address").max(254, "must be at most 254 characters"),
    name: optionalText(200),
    phone: optionalText(50),
    companyName: optionalText(200),
    addressLine1: optionalText(200),
    addressLine2: optionalText(200),
    city: optionalText(100),
    state: optionalText(100),
    postalCode: optionalText(20),
    country: optionalText(2),
    metadata: z.record(z.string(), z.unknown(), "must be an object").optional(),
    customFields: z.record(z.string(), z.unknown(), "must be an object").optional(),
  },
  "must be a JSON object",
);

/** The merchant's view of a customer, in snake_case. */
function merchantView(context: SandboxContext, id: string): Record<string, unknown> | null {
  const customer = context.state.customers.get(id);
  const details = context.state.customerDetails.get(id);
  if (!customer || !details) return null;
  return {
    id: customer.id,
    object: "customer",
    merchant_id: context.state.merchantId,
    email: customer.email,
    name: customer.name,
    phone: customer.phone,
    company_name: customer.company_name,
    address_line1: details.address.line1,
    address_line2: details.address.line2,
    city: details.address.city,
    state: details.address.state,
    postal_code: details.address.postalCode,
    country: details.address.country,
    metadata: details.metadata,
    custom_fields: details.customFields,
    created_at: customer.created_at,
    updated_at: details.updatedAt,
  };
}

export async function createCustomer(context: SandboxContext, { request, url }: OperationInput): Promise<Reply> {
  const scope = requireMerchantKey(request, context.apiKey);
  const key = readIdempotencyKey(request);
  const bodyText = await readBodyText(request);
  const body = parseInput(createCustomerSchema, parseJsonBody(bodyText, { optional: false }), "body");
  const now = context.clock.now();
  const fingerprint = { scope, key, method: request.method, path: url.pathname, body: bodyText };

  return context.idempotency.run(fingerprint, now, () => {
    const email = body.email.toLowerCase();
    const taken = [...context.state.customers.values()].some((customer) => customer.email?.toLowerCase() === email);
    if (taken) throw new ApiError("invalid_request", "A customer with this email already exists for this merchant.");
    const created = [...context.state.customerDetails.values()].filter((details) => !details.demo).length;
    if (created >= MAX_CREATED) throw new ApiError("rate_limited", `The sandbox holds at most ${MAX_CREATED} created customers: POST /__sandbox/reset starts again.`);
    const id = randomUUID();
    context.state.customers.set(id, {
      id,
      object: "customer",
      email: body.email,
      name: body.name ?? null,
      phone: body.phone ?? null,
      company_name: body.companyName ?? null,
      default_currency: null,
      locale: null,
      created_at: toIso(now),
    });
    const details: CustomerDetails = {
      demo: false,
      metadata: body.metadata ?? {},
      customFields: body.customFields ?? {},
      address: {
        line1: body.addressLine1 ?? null,
        line2: body.addressLine2 ?? null,
        city: body.city ?? null,
        state: body.state ?? null,
        postalCode: body.postalCode ?? null,
        country: body.country ?? null,
      },
      updatedAt: toIso(now),
    };
    context.state.customerDetails.set(id, details);
    const view = merchantView(context, id) ?? {};
    context.webhooks.emit("customer.created", view);
    return jsonReply(201, { data: view });
  });
}

export function getCustomerById(context: SandboxContext, { request, params }: OperationInput): Reply {
  requireMerchantKey(request, context.apiKey);
  const view = merchantView(context, requirePathId(params[0], "customer"));
  if (!view) throw new ApiError("resource_missing", "No such customer for this merchant.");
  return jsonReply(200, { data: view });
}
