import "server-only";
// Whether a signed-in user may use a paid feature: RevKeen answers (GET /entitlements/check with
// the merchant's key), and the answer is cached per customer and benefit. A webhook about the
// customer drops the cache at once; without webhooks it lives at most a minute, so it is never
// wrong for long. This is the gate to copy for your own features: see app/reports/page.tsx.
import { unstable_cache } from "next/cache";
import type { SignedInUser } from "@/lib/server/auth/current-user";
import { customerIdForUser } from "@/lib/server/billing-account/customer-id-for-user";
import { runWithRequestId } from "@/lib/server/logging/request-id";
import { checkEntitlement } from "@/lib/server/revkeen/client";
import { customerCacheTag } from "./customer-cache";

/** The longest a cached answer is used without a webhook to refresh it, in seconds. */
export const ENTITLEMENT_CACHE_SECONDS = 60;

function cachedCheck(customerId: string, benefitKey: string) {
  return unstable_cache(() => checkEntitlement(customerId, benefitKey), ["entitlement", customerId, benefitKey], {
    tags: [customerCacheTag(customerId)],
    revalidate: ENTITLEMENT_CACHE_SECONDS,
  })();
}

/** True when `user`'s RevKeen customer has `benefitKey` now; false without a billing account. */
export async function hasAccess(user: SignedInUser, benefitKey: string): Promise<boolean> {
  const customerId = await customerIdForUser(user);
  if (customerId === null) return false;
  // The request id is read outside the cache: reading headers inside a cached function is not allowed.
  const check = await runWithRequestId(() => cachedCheck(customerId, benefitKey));
  return check.has_access;
}
