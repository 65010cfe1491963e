// The read-only portal operations: the customer, and their subscriptions and invoices.
// Every read settles the clock first, so what the customer sees is current.
import type { SandboxContext } from "../entry/context";
import { ApiError } from "../http/errors";
import type { OperationInput } from "./operations";
import { paginate, parseListQuery } from "./pagination";
import { requirePathId } from "../http/path-ids";
import { authenticateCustomer } from "./portal-auth";
import { jsonReply, type Reply } from "../http/reply";
import { invoicesOf, ownedInvoice, ownedSubscription, subscriptionsOf } from "../data/state";
import { settle } from "../data/time-passes";

const SUBSCRIPTIONS_PATH = "/v2/customer-portal/subscriptions";
const INVOICES_PATH = "/v2/customer-portal/invoices";

/** Same status, code and message whether the id is unknown or another customer's. */
function notFound(noun: "subscription" | "invoice"): ApiError {
  return new ApiError("resource_missing", `No such ${noun}.`);
}

function signedInCustomer(context: SandboxContext, request: Request): string {
  const customerId = authenticateCustomer(context, request);
  settle(context);
  return customerId;
}

export function getCustomer(context: SandboxContext, { request }: OperationInput): Reply {
  const customer = context.state.customers.get(signedInCustomer(context, request));
  if (!customer) throw new ApiError("resource_missing", "This customer no longer exists.");
  return jsonReply(200, { data: customer });
}

export function listSubscriptions(context: SandboxContext, { request, url }: OperationInput): Reply {
  const customerId = signedInCustomer(context, request);
  const page = paginate(subscriptionsOf(context.state, customerId), parseListQuery(url));
  return jsonReply(200, { object: "list", ...page, url: SUBSCRIPTIONS_PATH });
}

export function getSubscription(context: SandboxContext, { request, params }: OperationInput): Reply {
  const customerId = signedInCustomer(context, request);
  const record = ownedSubscription(context.state, customerId, requirePathId(params[0], "subscription"));
  if (!record) throw notFound("subscription");
  return jsonReply(200, { data: record.subscription });
}

export function listInvoices(context: SandboxContext, { request, url }: OperationInput): Reply {
  const customerId = signedInCustomer(context, request);
  const page = paginate(invoicesOf(context.state, customerId), parseListQuery(url));
  return jsonReply(200, { object: "list", ...page, url: INVOICES_PATH });
}

export function getInvoice(context: SandboxContext, { request, params }: OperationInput): Reply {
  const customerId = signedInCustomer(context, request);
  const record = ownedInvoice(context.state, customerId, requirePathId(params[0], "invoice"));
  if (!record) throw notFound("invoice");
  return jsonReply(200, { data: record.invoice });
}
