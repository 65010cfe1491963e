import "server-only";
// A customer's payment methods on file, read with the merchant's key, only for the customer the
// signed-in user is linked to (lib/server/billing-account/customer-id-for-user.ts). ./send.ts sends it.
import { paymentMethodListSchema, type PaymentMethod } from "@/lib/shared/revkeen-api/payment-methods";
import { checkedId, parser, send } from "./send";

const paymentMethodList = parser(paymentMethodListSchema);

export async function listPaymentMethods(customerId: string): Promise<PaymentMethod[]> {
  const list = await send({
    operation: "payment_methods.list",
    method: "GET",
    path: `/customers/${checkedId(customerId, "customer:not_found")}/payment-methods`,
    credential: { kind: "merchant" },
    notFound: "customer:not_found",
    parse: paymentMethodList,
  });
  return list.data;
}
