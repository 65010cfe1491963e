// GET /v2/customers/{id}/payment-methods, with the merchant key: the customer's cards on file, the
// default first. Only brand, last four and expiry exist to show; an expired card says so in `status`.
import type { CustomersPaymentMethodsListResponse } from "@revkeen/sdk";
import { toIso } from "../data/calendar";
import type { SandboxContext } from "../entry/context";
import { requireMerchantKey } from "./credentials";
import { ApiError } from "../http/errors";
import type { OperationInput } from "./operations";
import { requirePathId } from "../http/path-ids";
import { isExpired } from "../data/payments";
import type { PaymentMethodRecord } from "../data/records";
import { jsonReply, type Reply } from "../http/reply";
import { paymentMethodsOf } from "../data/state";

type PaymentMethod = CustomersPaymentMethodsListResponse["data"][number];

function paymentMethodView(record: PaymentMethodRecord, now: number): PaymentMethod {
  return {
    id: record.id,
    object: "payment_method",
    public_id: `pm_${record.id.replaceAll("-", "").slice(0, 24)}`,
    type: "card",
    status: isExpired(record, now) ? "expired" : "active",
    customer_id: record.customerId,
    is_default: record.isDefault,
    card: { brand: record.card.brand, last4: record.card.last4, exp_month: record.card.expMonth, exp_year: record.card.expYear, funding: record.card.funding },
    us_bank_account: null,
    bacs_direct_debit: null,
    billing_details: { name: record.holderName, email: null, phone: null, address: null },
    metadata: {},
    created_at: toIso(record.createdAt),
    updated_at: toIso(record.createdAt),
  };
}

export function listPaymentMethods(context: SandboxContext, { request, params }: OperationInput): Reply {
  requireMerchantKey(request, context.apiKey);
  const customerId = requirePathId(params[0], "customer");
  if (!context.state.customers.has(customerId)) throw new ApiError("resource_missing", "No such customer for this merchant.");
  const now = context.clock.now();
  const body: CustomersPaymentMethodsListResponse = { data: paymentMethodsOf(context.state, customerId).map((record) => paymentMethodView(record, now)) };
  return jsonReply(200, body);
}
