// Seed ids are derived from names rather than drawn at random so that a bookmark, an e2e
// fixture or a screenshot keeps pointing at the same invoice after a restart or a reset.
import { createHash } from "node:crypto";
import { z } from "zod";

const uuidSchema = z.uuid();

/** A valid RFC 4122 version-4 UUID that depends only on `seed`. */
export function deterministicUuid(seed: string): string {
  const bytes = createHash("sha256").update(`revkeen-sandbox:${seed}`).digest().subarray(0, 16);
  // Version 4 and the RFC 4122 variant, so strict UUID validators (zod's included) accept it.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join("-");
}

export function isUuid(value: string): boolean {
  return uuidSchema.safeParse(value).success;
}
