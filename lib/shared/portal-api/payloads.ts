// The JSON bodies of the app's own portal API. Route handlers answer them and pages put them in
// SWR's fallback, so a hook sees the same shape whether the data came from the server render
// or from a fetch. Lists drop upstream's `url`: the browser has no use for RevKeen's paths.
import type { PortalList } from "@/lib/shared/revkeen-api/wire";

export type DataBody<Item> = { data: Item };
export type ListBody<Item> = { object: "list"; data: Item[]; has_more: boolean };

export function dataBody<Item>(data: Item): DataBody<Item> {
  return { data };
}

export function listBody<Item>(list: PortalList<Item>): ListBody<Item> {
  return { object: "list", data: list.data, has_more: list.has_more };
}
