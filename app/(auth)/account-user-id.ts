// Without a database adapter, Auth.js gives an OAuth user a fresh random id at every sign-in
// (the profile's id is kept only on the account). Mapping a user to a RevKeen customer needs an
// id that stays the same, so OAuth users are known by provider and account id: "github:1234".
// If you add a database adapter, drop this and use your users table's id instead.
import type { Account } from "next-auth";

/** The stable id for a user who just signed in with `account`; undefined keeps Auth.js's own. */
export function accountUserId(account: Pick<Account, "type" | "provider" | "providerAccountId">): string | undefined {
  if (account.type !== "oauth" && account.type !== "oidc") return undefined;
  return `${account.provider}:${account.providerAccountId}`;
}
