import "server-only";
// The metadata that ties a RevKeen customer to one of this app's users: the user's id and this
// app's signature of it (hex HMAC-SHA256 under a key derived from AUTH_SECRET for this purpose
// alone). The `customer.created` webhook links a customer only when the signature holds, so a
// buyer who can set a customer's metadata at a checkout cannot name someone else's id and take
// over their billing account. The app sets it on the customers it creates; a merchant's own
// checkout sets it with billingLinkMetadata(user.id) for the signed-in user (docs/customizing.md).
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { derivedKey } from "@/lib/server/security/derived-key";

const PURPOSE = "billing-link app_user_sig v1";

export type BillingLinkMetadata = { app_user_id: string; app_user_sig: string };

const signedLink = z
  .object({ app_user_id: z.string().min(1).max(255), app_user_sig: z.string().regex(/^[0-9a-f]{64}$/) })
  .loose();

function signature(userId: string): Buffer {
  const secret = serverEnv().AUTH_SECRET;
  // parseServerEnv requires it whenever the server runs; only a build runs without it.
  if (!secret) throw new Error("AUTH_SECRET is not set: a billing link cannot be signed or checked.");
  return createHmac("sha256", derivedKey(secret, PURPOSE)).update(userId, "utf8").digest();
}

/** The metadata to create `userId`'s RevKeen customer with, so that its customer.created webhook links it to them. */
export function billingLinkMetadata(userId: string): BillingLinkMetadata {
  return { app_user_id: userId, app_user_sig: signature(userId).toString("hex") };
}

/** The user a customer's metadata links it to, or null when it names none with this app's signature. */
export function signedLinkUserId(metadata: unknown): string | null {
  const link = signedLink.safeParse(metadata);
  if (!link.success) return null;
  const expected = signature(link.data.app_user_id);
  return timingSafeEqual(Buffer.from(link.data.app_user_sig, "hex"), expected) ? link.data.app_user_id : null;
}
