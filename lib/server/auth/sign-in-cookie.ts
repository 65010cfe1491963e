import "server-only";
// Reads the Auth.js sign-in session straight from its cookie: the one reader for proxy.ts and
// currentUser(), so the gate and the pages never disagree about who is signed in. Auth.js's own
// auth() answers by running its whole /session endpoint (CSRF cookie, decode, re-encode, a
// Response parsed back from JSON), several times the cost of the decode alone, and the decode
// itself is remembered per cookie value (./sign-in-token-decode.ts).
import { getToken, type JWT } from "next-auth/jwt";
import { isHttps } from "@/lib/server/security/https";
import { decodeSignInToken } from "./sign-in-token-decode";

/**
 * The signed-in user's token (checked, unexpired), or null. Reads cookies only from `headers`,
 * under the name Auth.js chose for this request (`__Secure-` on https: lib/server/security/https.ts).
 */
export async function readSignInToken(headers: Headers, secret: string, authUrl: string | undefined): Promise<JWT | null> {
  return getToken({ req: { headers }, secret, secureCookie: isHttps(headers, authUrl), decode: decodeSignInToken });
}

