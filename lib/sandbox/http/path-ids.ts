// Ids in the path are UUIDs. A malformed one is bad input (400) rather than a missing
// object (404), so a client bug that builds "/invoices/undefined" is told so plainly.
import { ApiError } from "./errors";
import { isUuid } from "../data/ids";

export function requirePathId(value: string | undefined, noun: "subscription" | "invoice" | "customer" | "mandate" | "product"): string {
  if (value === undefined || !isUuid(value)) {
    throw new ApiError("invalid_request", `Invalid ${noun} id in the path: ${noun} ids are UUIDs.`);
  }
  return value.toLowerCase();
}
