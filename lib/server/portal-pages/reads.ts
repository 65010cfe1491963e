import "server-only";
// The portal pages' upstream reads, memoised per render with React's cache(): the layout and the
// page ask for the customer and the upstream is asked once.
import { cache } from "react";
import { getCustomer, getInvoice, getSubscription, listInvoices, listSubscriptions } from "@/lib/server/revkeen-api/customer-portal";
import { listMandates } from "@/lib/server/revkeen-api/mandates";
import { ALL_ITEMS_LIMIT } from "@/lib/shared/portal-api/keys";

export const readCustomer = cache((token: string) => getCustomer(token));

export const readAllSubscriptions = cache((token: string) => listSubscriptions(token, { limit: ALL_ITEMS_LIMIT }));

export const readSubscription = cache((token: string, id: string) => getSubscription(token, id));

/** Primitive arguments, because cache() compares arguments by identity. */
export const readInvoices = cache((token: string, limit?: number, startingAfter?: string, endingBefore?: string) =>
  listInvoices(token, { limit, starting_after: startingAfter, ending_before: endingBefore }),
);

export const readInvoice = cache((token: string, id: string) => getInvoice(token, id));

/** The layout's navigation and the Direct Debit pages ask for it in one render: one call. */
export const readMandates = cache((token: string) => listMandates(token));
