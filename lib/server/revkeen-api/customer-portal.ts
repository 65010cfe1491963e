import "server-only";
// The customer-portal operations, made with the customer's portal token: the customer, their
// subscriptions and invoices, and cancelling a subscription. Direct Debit mandates have their own
// file (./mandates.ts). Each says what it asks and what a 404 means; ./send.ts sends it.
import type { PortalErrorCode } from "@/lib/shared/portal-api/errors";
import {
  portalCustomerSchema,
  portalInvoiceSchema,
  portalSubscriptionSchema,
  type CancelSubscriptionBody,
  type PortalCustomer,
  type PortalInvoice,
  type PortalSubscription,
} from "@/lib/shared/revkeen-api/customer-portal";
import { dataSchema, listSchema, type ListQuery, type PortalList } from "@/lib/shared/revkeen-api/wire";
import { checkedId, parser, send } from "./send";

const customerResponse = parser(dataSchema(portalCustomerSchema));
const subscriptionResponse = parser(dataSchema(portalSubscriptionSchema));
const subscriptionList = parser(listSchema(portalSubscriptionSchema));
const invoiceResponse = parser(dataSchema(portalInvoiceSchema));
const invoiceList = parser(listSchema(portalInvoiceSchema));

export function getCustomer(token: string): Promise<PortalCustomer> {
  return read(token, "customer.get", "/customer-portal/customer", "customer:not_found", (body) => customerResponse(body).data);
}

export function listSubscriptions(token: string, query: ListQuery = {}): Promise<PortalList<PortalSubscription>> {
  return read(token, "subscriptions.list", "/customer-portal/subscriptions", "customer:not_found", subscriptionList, query);
}

export async function getSubscription(token: string, id: string): Promise<PortalSubscription> {
  const path = `/customer-portal/subscriptions/${checkedId(id, "subscription:not_found")}`;
  return read(token, "subscriptions.get", path, "subscription:not_found", (body) => subscriptionResponse(body).data);
}

export function listInvoices(token: string, query: ListQuery = {}): Promise<PortalList<PortalInvoice>> {
  return read(token, "invoices.list", "/customer-portal/invoices", "customer:not_found", invoiceList, query);
}

export async function getInvoice(token: string, id: string): Promise<PortalInvoice> {
  const path = `/customer-portal/invoices/${checkedId(id, "invoice:not_found")}`;
  return read(token, "invoices.get", path, "invoice:not_found", (body) => invoiceResponse(body).data);
}

export async function cancelSubscription(
  token: string,
  id: string,
  body: CancelSubscriptionBody,
  idempotencyKey: string,
): Promise<PortalSubscription> {
  return send({
    operation: "subscriptions.cancel",
    method: "POST",
    path: `/customer-portal/subscriptions/${checkedId(id, "subscription:not_found")}/cancel`,
    body,
    credential: { kind: "portal", token },
    idempotencyKey,
    notFound: "subscription:not_found",
    parse: (response) => subscriptionResponse(response).data,
  });
}

/** A read with the portal token: safe to repeat, so it is retried once like every read. */
function read<T>(
  token: string,
  operation: string,
  path: string,
  notFound: PortalErrorCode,
  parse: (body: unknown) => T,
  query?: ListQuery,
): Promise<T> {
  return send({ operation, method: "GET", path, query, credential: { kind: "portal", token }, notFound, parse });
}
