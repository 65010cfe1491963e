// What every Direct Debit operation of the portal checks first: the customer's token, the
// merchant's self-service switch, and that the mandate is the customer's own. Also the shape
// the mandate webhooks carry.
import type { SandboxContext } from "../entry/context";
import { ApiError } from "../http/errors";
import { authenticateCustomer } from "./portal-auth";
import type { MandateRecord } from "../data/records";
import { ownedMandate } from "../data/state";

/** The signed-in customer, once the merchant is known to let customers manage Direct Debit here. */
export function mandateCustomer(context: SandboxContext, request: Request): string {
  const customerId = authenticateCustomer(context, request);
  if (!context.directDebitSelfService) {
    throw new ApiError("forbidden", "Direct Debit self-service is not enabled for this merchant.");
  }
  return customerId;
}

/** The customer's mandate; the same 404 whether the id is unknown or another customer's. */
export function findMandate(context: SandboxContext, customerId: string, id: string): MandateRecord {
  const record = ownedMandate(context.state, customerId, id);
  if (!record) throw new ApiError("resource_missing", "No such mandate.");
  return record;
}

/** The customer's e-mail address; a 422 with `message` when the record has none. */
export function requireEmail(context: SandboxContext, customerId: string, message: string): string {
  const email = context.state.customers.get(customerId)?.email;
  if (!email) throw new ApiError("unprocessable_entity", message);
  return email;
}

/** A mandate as the merchant's webhooks show it: the portal projection (last four digits only) and its customer. */
export function mandateEventObject(record: MandateRecord): Record<string, unknown> {
  return { ...structuredClone(record.mandate), customer_id: record.customerId };
}
