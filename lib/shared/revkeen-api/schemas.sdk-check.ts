// Compile-time only: the app's schemas must accept every object the official SDK describes,
// so an upstream that follows the SDK never fails our parsing, and every body the app sends
// must be one the SDK's request types allow. `npm run typecheck` enforces it.
import type {
  CheckoutSessionsCreateData,
  CheckoutSessionsCreateResponse,
  CheckoutSessionsGetResponse,
  CustomerCreateResponse,
  CustomerRetrieveResponse,
  EntitlementCheckResponse,
  CustomerPortalCustomerGetResponse,
  CustomerPortalInvoicesGetResponse,
  CustomerPortalInvoicesListResponse,
  CustomerPortalMandatesCancelData,
  CustomerPortalMandatesCancelResponse,
  CustomerPortalMandatesListResponse,
  CustomerPortalMandatesReauthorizeData,
  CustomerPortalMandatesReauthorizeResponse,
  CustomerPortalMandatesReauthorizeSendOtpResponse,
  CustomerPortalMandatesReauthorizeVerifyOtpData,
  CustomerPortalMandatesReauthorizeVerifyOtpResponse,
  CustomerPortalSubscriptionsGetResponse,
  CustomerPortalSubscriptionsListResponse,
  SubscriptionsCreateData,
  SubscriptionsCreateResponse,
  SubscriptionsUpdateData,
  SubscriptionsUpdateResponse,
  CustomerPaymentMethodsListResponse,
  ProductRetrieveResponse,
  SubscriptionListResponse,
  SubscriptionRetrieveResponse,
} from "@revkeen/sdk";
import type { CheckoutSession, CreateCheckoutSessionBody, CreatedCheckoutSession } from "./checkout-sessions";
import type { PortalCustomer, PortalInvoice, PortalSubscription } from "./customer-portal";
import type { CancelMandateBody, MandateCodeSent, MandateVerification, PortalMandate, ReauthorizeMandateBody, VerifyMandateCodeBody } from "./mandates";
import type { EntitlementCheck, MerchantCustomer } from "./merchant";
import type { ChangedSubscription, CreateSubscriptionBody, KeepSubscriptionBody } from "./subscription-changes";
import type { MerchantSubscription, MerchantSubscriptionList } from "./merchant-subscriptions";
import type { PaymentMethodList } from "./payment-methods";
import type { Product } from "./products";
import type { PortalList } from "./wire";

type Accepts<Ours, Theirs extends Ours> = Theirs;
type Sends<Theirs, Ours extends Theirs> = Ours;

export type SdkAgreement = [
  Accepts<PortalCustomer, CustomerPortalCustomerGetResponse["data"]>,
  Accepts<PortalSubscription, CustomerPortalSubscriptionsGetResponse["data"]>,
  Accepts<PortalInvoice, CustomerPortalInvoicesGetResponse["data"]>,
  Accepts<PortalList<PortalSubscription>, CustomerPortalSubscriptionsListResponse>,
  Accepts<PortalList<PortalInvoice>, CustomerPortalInvoicesListResponse>,
  Accepts<MerchantCustomer, CustomerCreateResponse["data"]>,
  Accepts<MerchantCustomer, CustomerRetrieveResponse["data"]>,
  Accepts<EntitlementCheck, EntitlementCheckResponse["data"]>,
  Accepts<PortalList<PortalMandate>, CustomerPortalMandatesListResponse>,
  Accepts<PortalMandate, CustomerPortalMandatesCancelResponse["data"]>,
  Accepts<PortalMandate, CustomerPortalMandatesReauthorizeResponse["data"]>,
  Accepts<MandateCodeSent, CustomerPortalMandatesReauthorizeSendOtpResponse>,
  Accepts<MandateVerification, CustomerPortalMandatesReauthorizeVerifyOtpResponse>,
  Accepts<MerchantSubscriptionList, SubscriptionListResponse>,
  Accepts<MerchantSubscription, SubscriptionRetrieveResponse["data"]>,
  Accepts<Product, ProductRetrieveResponse["data"]>,
  Accepts<PaymentMethodList, CustomerPaymentMethodsListResponse>,
  Sends<NonNullable<CustomerPortalMandatesCancelData["body"]>, CancelMandateBody>,
  Sends<CustomerPortalMandatesReauthorizeVerifyOtpData["body"], VerifyMandateCodeBody>,
  Sends<CustomerPortalMandatesReauthorizeData["body"], ReauthorizeMandateBody>,
  Accepts<CreatedCheckoutSession, CheckoutSessionsCreateResponse["data"]>,
  Accepts<CheckoutSession, CheckoutSessionsGetResponse["data"]>,
  Sends<NonNullable<CheckoutSessionsCreateData["body"]>, CreateCheckoutSessionBody>,
  Accepts<ChangedSubscription, SubscriptionsUpdateResponse["data"]>,
  Accepts<ChangedSubscription, SubscriptionsCreateResponse["data"]>,
  Sends<NonNullable<SubscriptionsUpdateData["body"]>, KeepSubscriptionBody>,
  Sends<NonNullable<SubscriptionsCreateData["body"]>, CreateSubscriptionBody>,
];
