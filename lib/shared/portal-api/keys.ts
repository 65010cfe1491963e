// The URLs of the app's own portal API, which are also the SWR keys. Pages put their server
// reads into SWR's fallback under these keys and client hooks ask for the same ones, so the
// two sides must build them with this one module or the client would fetch again on hydrate.
import type { ListQuery } from "@/lib/shared/revkeen-api/wire";

/** The subscriptions list and the overview's invoices ask for this many: one call, all of them. */
export const ALL_ITEMS_LIMIT = 100;
/** How many invoices the overview lists. */
export const LATEST_INVOICES_SHOWN = 5;
export const INVOICE_PAGE_SIZES = [10, 20, 50] as const;
export const DEFAULT_INVOICE_PAGE_SIZE = 20;

/** Always the same parameter order, so equal queries give equal keys. */
export function listSearch(query: ListQuery): string {
  const search = new URLSearchParams();
  if (query.limit !== undefined) search.set("limit", String(query.limit));
  if (query.starting_after) search.set("starting_after", query.starting_after);
  if (query.ending_before) search.set("ending_before", query.ending_before);
  return search.toString();
}

function withSearch(path: string, query: ListQuery): string {
  const search = listSearch(query);
  return search ? `${path}?${search}` : path;
}

export const portalKeys = {
  customer: () => "/api/portal/customer",
  subscriptions: () => withSearch("/api/portal/subscriptions", { limit: ALL_ITEMS_LIMIT }),
  subscription: (id: string) => `/api/portal/subscriptions/${encodeURIComponent(id)}`,
  invoices: (query: ListQuery) => withSearch("/api/portal/invoices", query),
  invoice: (id: string) => `/api/portal/invoices/${encodeURIComponent(id)}`,
  mandates: () => "/api/portal/mandates",
} as const;

/** Keys that hold subscriptions (lists or one): what a cancellation makes stale. */
export function holdsSubscriptions(key: unknown): boolean {
  return typeof key === "string" && key.startsWith("/api/portal/subscriptions");
}
