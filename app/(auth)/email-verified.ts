// Whether the address a user signs in with was verified by whoever signed them in: only such an
// address may open a billing account (lib/server/billing-account/create-customer.ts). The sign-in
// token carries the answer as its email_verified claim.
import type { Account } from "next-auth";
import { DEMO_PROVIDER_ID } from "@/lib/server/billing-account/demo-customers";

export function emailVerifiedAtSignIn(account: Pick<Account, "type" | "provider">, profile: { readonly [claim: string]: unknown } | undefined): boolean {
  // The demo customers are the sandbox's own, with its own made-up addresses. Another
  // credentials sign-in verifies nothing by itself.
  if (account.type === "credentials") return account.provider === DEMO_PROVIDER_ID;
  // The OpenID Connect claim; GitHub's profile carries it too (lib/server/auth/github-verified-email.ts).
  return profile?.email_verified === true;
}
