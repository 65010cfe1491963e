import "server-only";
// Auth.js's decode of the sign-in cookie, remembered per cookie value. One decode derives a key
// (HKDF), takes its thumbprint (SHA-512) and decrypts the JWE (A256CBC-HS512, seven Web Crypto
// calls in jose), CPU that every page and API request would spend again on the same cookie: the
// browser sends it unchanged until Auth.js re-issues it.
//
// Remembering a decoded token trusts nothing new: a token that opened once opens again until it
// expires, whether or not it is remembered, and whether its session was signed out is asked after
// the decode, every time (currentUser(), ./session-revocation.ts). Only tokens that open are kept,
// each until its `exp` at the latest; after that Auth.js decides again. A cookie that does not
// open is decoded (and refused) every time, so a client cannot fill the cache with values of its own.
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { processCache } from "@/lib/server/caching/bounded-cache";

/** Far more signed-in users than one instance serves at once; each entry is one decoded token. */
const CAPACITY = 2_000;

function cacheKey({ token, secret, salt }: JWTDecodeParams): string {
  // The secret and salt (the cookie's name) are part of the key: a token opens only under both.
  return [token, salt, ...[secret].flat()].join("\u0000");
}

/** `decode` from next-auth/jwt, for getToken(), remembered for tokens that open. */
export async function decodeSignInToken(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const cache = processCache<JWT>("sign-in-token", CAPACITY);
  const key = cacheKey(params);
  const known = cache.get(key);
  if (known !== undefined) return known;
  const token = await decode(params);
  // A token without an expiry, or not valid before some time, is left to Auth.js every time.
  if (token !== null && typeof token.exp === "number" && token.nbf === undefined) cache.set(key, token, token.exp * 1000);
  return token;
}
