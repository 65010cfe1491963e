import "server-only";
// For the cookies this app names itself (the portal session, a Direct Debit verification): the
// request's answer to lib/server/security/https.ts, which decides `Secure` and the `__Host-` name.
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env/server";
import { isHttps } from "./https";

export async function usesSecureCookies(): Promise<boolean> {
  return isHttps(await headers(), serverEnv().AUTH_URL);
}
