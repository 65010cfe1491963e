// Compile-time only: the app's schemas must accept every object the official SDK describes,
// so an upstream that follows the SDK never fails our parsing. `npm run typecheck` enforces it.
import type {
  CustomerCreateResponse,
  CustomerRetrieveResponse,
  EntitlementCheckResponse,
  CustomerPortalCustomerGetResponse,
  CustomerPortalInvoicesGetResponse,
  CustomerPortalInvoicesListResponse,
  CustomerPortalSubscriptionsGetResponse,
  CustomerPortalSubscriptionsListResponse,
} from "@revkeen/sdk";
import type { EntitlementCheck, MerchantCustomer, PortalCustomer, PortalInvoice, PortalList, PortalSubscription } from "./schemas";

type Accepts<Ours, Theirs extends Ours> = Theirs;

export type SdkAgreement = [
  Accepts<PortalCustomer, CustomerPortalCustomerGetResponse["data"]>,
  Accepts<PortalSubscription, CustomerPortalSubscriptionsGetResponse["data"]>,
  Accepts<PortalInvoice, CustomerPortalInvoicesGetResponse["data"]>,
  Accepts<PortalList<PortalSubscription>, CustomerPortalSubscriptionsListResponse>,
  Accepts<PortalList<PortalInvoice>, CustomerPortalInvoicesListResponse>,
  Accepts<MerchantCustomer, CustomerCreateResponse["data"]>,
  Accepts<MerchantCustomer, CustomerRetrieveResponse["data"]>,
  Accepts<EntitlementCheck, EntitlementCheckResponse["data"]>,
];
