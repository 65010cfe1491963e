import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js config that proxy.ts needs to read a session: no providers, so it
 * pulls in nothing else. auth.ts adds the providers.
 */
export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt" },
  providers: [],
  callbacks: {
    jwt({ token, account }) {
      // Remember which provider signed the user in: mapping a user to a RevKeen customer depends on it.
      if (account) token.provider = account.provider;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.provider = typeof token.provider === "string" ? token.provider : undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;
