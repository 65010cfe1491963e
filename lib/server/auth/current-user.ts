import "server-only";
// Who is signed in, for pages, server actions and route handlers.
import { headers } from "next/headers";
import { cache } from "react";
import { serverEnv } from "@/lib/env/server";
import { readSignInToken } from "./sign-in-cookie";

export type SignedInUser = {
  /** Stable across sign-ins: "github:583231" for OAuth (app/(auth)/account-user-id.ts), the customer id for demo sign-in. */
  id: string;
  email?: string | null;
  /** Whether the sign-in provider verified `email` (the token's email_verified claim); only then may it open a billing account. */
  emailVerified: boolean;
  name?: string | null;
  provider?: string;
};

/** The signed-in user, read once per request from the sign-in cookie. */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  // Headers first: whatever the environment, a page that asks who is signed in renders per request.
  const requestHeaders = await headers();
  const env = serverEnv();
  if (!env.AUTH_SECRET) return null;
  const token = await readSignInToken(requestHeaders, env.AUTH_SECRET, env.AUTH_URL);
  if (!token?.sub) return null;
  return {
    id: token.sub,
    email: token.email,
    emailVerified: token.email_verified === true,
    name: token.name,
    provider: typeof token.provider === "string" ? token.provider : undefined,
  };
});
