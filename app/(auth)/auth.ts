import "server-only";
import { randomUUID } from "node:crypto";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import type { Provider } from "next-auth/providers";
import { z } from "zod";
import { DEMO_PROVIDER_ID, findDemoCustomer, NEW_CUSTOMER } from "@/lib/server/billing-account/demo-customers";
import { serverEnv } from "@/lib/env/server";
import { githubProfileWithVerifiedEmail } from "@/lib/server/auth/github-verified-email";
import { revokeSignInSession } from "@/lib/server/auth/session-revocation";
import { newSessionClaims, SESSION_MAX_AGE_S, signInSession } from "@/lib/server/auth/sign-in-session";
import { log } from "@/lib/server/logging/log";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { accountUserId } from "./account-user-id";
import { emailVerifiedAtSignIn } from "./email-verified";

type ProviderEntry = { id: string; name: string; provider: Provider };

/**
 * A made-up user who has no billing account yet, different at every sign-in: "Manage billing"
 * then creates, links and opens their customer, the path a real user's first visit takes.
 */
function newDemoUser() {
  const id = randomUUID();
  return { id: `new-customer:${id}`, name: "New Customer", email: `new-customer-${id.slice(0, 8)}@example.com` };
}

/**
 * Providers come from the environment; add yours here (Auth.js has dozens). A billing account is
 * opened only for an address the provider verified: its profile's `email_verified` (an OpenID
 * Connect provider's claim), which a provider without one must be given as GitHub's is.
 */
function providerEntries(): ProviderEntry[] {
  const env = serverEnv();
  const entries: ProviderEntry[] = [];
  if (env.demoSignIn) {
    // Only with the sandbox: anyone may open any demo customer's portal, which is the point of a demo.
    entries.push({
      id: DEMO_PROVIDER_ID,
      name: "Demo customer",
      provider: Credentials({
        id: DEMO_PROVIDER_ID,
        name: "Demo customer",
        credentials: { customerId: { label: "Demo customer" } },
        async authorize(input) {
          if (input.customerId === NEW_CUSTOMER) return newDemoUser();
          const customerId = z.uuid().safeParse(input.customerId);
          if (!customerId.success) return null;
          const customer = await findDemoCustomer(customerId.data);
          // The customer id is the user's id from here to every mint (customerIdForUser).
          return customer ? { id: customer.id, name: customer.name, email: customer.email } : null;
        },
      }),
    });
  }
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    entries.push({
      id: "github",
      name: "GitHub",
      // The profile request is replaced so that the address is one GitHub verified, and says so.
      provider: GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET, userinfo: { request: githubProfileWithVerifiedEmail } }),
    });
  }
  return entries;
}

// Lazy so that `next build` does not need AUTH_SECRET or the providers' secrets.
export const { handlers, signIn, signOut } = NextAuth(() => ({
  // Failures land on the sign-in page too, which words them in the reader's language.
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // The cookie's own expiry; currentUser() holds a session to the same lifetime from its sign-in,
  // however often Auth.js re-issues the cookie (lib/server/auth/sign-in-session.ts).
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  callbacks: {
    jwt({ token, account, profile }) {
      if (account) {
        // Remember which provider signed the user in: mapping a user to a RevKeen customer depends on it.
        token.provider = account.provider;
        token.sub = accountUserId(account) ?? token.sub;
        // What names this sign-in, for sign-out to revoke, and when it started.
        Object.assign(token, newSessionClaims());
        token.email_verified = emailVerifiedAtSignIn(account, profile);
      }
      return token;
    },
  },
  events: {
    // Every way of signing out (the app's /sign-out, Auth.js's own /api/auth/signout) comes here.
    async signOut(message) {
      const session = "token" in message ? signInSession(message.token) : null;
      if (session === null) return;
      try {
        await revokeSignInSession(session);
      } catch (error) {
        if (!(error instanceof PortalError)) throw error;
        // The browser's cookie is cleared all the same; only a copy of it outlives the sign-out.
        log.error("auth.sign_out_not_revoked", { code: error.code, detail: "a copy of this sign-in cookie stays valid until the session expires" });
      }
    },
  },
  secret: serverEnv().AUTH_SECRET,
  providers: providerEntries().map((entry) => entry.provider),
}));

/**
 * Whether anyone but the sandbox's demo customers can sign in. Their customers, one-time codes and
 * webhooks then share the sandbox with the demo's, and its controls would show them to anyone.
 */
export function signsInRealPeople(): boolean {
  return providerEntries().some(({ id }) => id !== DEMO_PROVIDER_ID);
}

/** What the sign-in page offers, without the providers' secrets. */
export function configuredProviders(): { id: string; name: string }[] {
  return providerEntries().map(({ id, name }) => ({ id, name }));
}
