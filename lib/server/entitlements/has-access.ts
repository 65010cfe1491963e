import "server-only";
// Whether a signed-in user may use a paid feature: RevKeen answers (GET /entitlements/check with
// the merchant's key), and the answer is kept a short while per customer and benefit
// (./entitlement-cache.ts). A webhook about the customer retires it at once; without webhooks it
// lives at most ENTITLEMENT_CACHE_SECONDS. When RevKeen cannot answer, the check fails (the page's
// error.tsx says so): an old answer is never used instead. This is the gate to copy for your own
// features: see app/reports/page.tsx.
import type { SignedInUser } from "@/lib/server/auth/current-user";
import { customerIdForUser } from "@/lib/server/billing-account/customer-id-for-user";
import { runWithRequestId } from "@/lib/server/logging/request-id";
import { checkEntitlement } from "@/lib/server/revkeen-api/merchant";
import { cachedAnswer, keepAnswer } from "./entitlement-cache";

/** True when `user`'s RevKeen customer has `benefitKey` now; false without a billing account. */
export async function hasAccess(user: SignedInUser, benefitKey: string): Promise<boolean> {
  const customerId = await customerIdForUser(user);
  if (customerId === null) return false;
  const known = cachedAnswer(customerId, benefitKey);
  if (known !== undefined) return known;
  // Taken before asking: a webhook that arrives while RevKeen answers retires this answer too.
  const checkedAt = Date.now();
  const check = await runWithRequestId(() => checkEntitlement(customerId, benefitKey));
  keepAnswer(customerId, benefitKey, check.has_access, checkedAt);
  return check.has_access;
}
