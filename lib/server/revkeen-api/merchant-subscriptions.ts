import "server-only";
// A customer's subscriptions read with the merchant's key: the product each plan belongs to and
// the dunning summary, which the portal's projection leaves out. Only for the customer the
// signed-in user is linked to (lib/server/billing-account/customer-id-for-user.ts), and only
// shown for a subscription the customer's own portal token returned. ./send.ts sends it.
import { dataSchema } from "@/lib/shared/revkeen-api/wire";
import { merchantSubscriptionListSchema, merchantSubscriptionSchema, type MerchantSubscription, type MerchantSubscriptionList } from "@/lib/shared/revkeen-api/merchant-subscriptions";
import { checkedId, parser, send } from "./send";

/** The most the merchant's list gives in one page. */
export const MERCHANT_PAGE_LIMIT = 100;

const subscriptionList = parser(merchantSubscriptionListSchema);
const subscriptionResponse = parser(dataSchema(merchantSubscriptionSchema));

/** One page (1-based) of `customerId`'s subscriptions, newest first. */
export function listCustomerSubscriptions(customerId: string, page = 1): Promise<MerchantSubscriptionList> {
  return send({
    operation: "subscriptions.list",
    method: "GET",
    path: "/subscriptions",
    search: { customerId: checkedId(customerId, "customer:not_found"), page: String(page), limit: String(MERCHANT_PAGE_LIMIT) },
    credential: { kind: "merchant" },
    notFound: "customer:not_found",
    parse: subscriptionList,
  });
}

/** One subscription by id. The caller checks `customer_id` against the customer it acts for. */
export function getMerchantSubscription(id: string): Promise<MerchantSubscription> {
  return send({
    operation: "subscriptions.get",
    method: "GET",
    path: `/subscriptions/${checkedId(id, "subscription:not_found")}`,
    credential: { kind: "merchant" },
    notFound: "subscription:not_found",
    parse: (body) => subscriptionResponse(body).data,
  });
}
