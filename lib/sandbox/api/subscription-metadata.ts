// A subscription's metadata as PATCH and POST /v2/subscriptions take it: string keys, any JSON
// values, merged into what is there, a key set to null removed, and bounded in size.
import { z } from "zod";
import { ApiError } from "../http/errors";

const MAX_KEYS = 50;

export const metadataSchema = z
  .record(z.string().min(1, "keys must not be empty").max(40, "keys must be at most 40 characters"), z.unknown(), "must be an object")
  .refine((metadata) => Object.keys(metadata).length <= MAX_KEYS, `must have at most ${MAX_KEYS} keys`);

/** `current` with `changes` applied; a 400 when the result would hold too many keys. */
export function mergeMetadata(current: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...current };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete merged[name];
    else merged[name] = value;
  }
  if (Object.keys(merged).length > MAX_KEYS) throw new ApiError("invalid_request", `Invalid metadata: a subscription holds at most ${MAX_KEYS} keys.`);
  return merged;
}
