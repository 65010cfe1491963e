import "server-only";
// Values the browser keeps but must neither read nor forge (the portal token, a Direct Debit
// verification token): a JWE (dir + A256GCM) under a key derived from AUTH_SECRET for one purpose
// (./derived-key.ts), so a value sealed for one use never opens as another.
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";
import { processCache } from "@/lib/server/caching/bounded-cache";
import { derivedKey } from "./derived-key";

export type Unsealed = { state: "valid"; claims: JWTPayload } | { state: "invalid" | "expired" };

/** Seals `claims` for `purpose` until `expiresAt` (ms since the epoch). */
export async function sealValue(claims: JWTPayload, purpose: string, expiresAt: number, secret: string): Promise<string> {
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setExpirationTime(Math.floor(expiresAt / 1000))
    .encrypt(derivedKey(secret, purpose));
}

/**
 * Values that opened, until they expire. The browser sends the same sealed cookie with every
 * portal request, and opening it (a key import and an AES-GCM decryption through Web Crypto) would
 * cost CPU on each one. A sealed value cannot change, so what it opened to holds
 * until its `exp`; after that jose decides again. Values that do not open are never kept, so a
 * client cannot fill the cache; the capacity bounds it anyway.
 */
const OPENED_CAPACITY = 2_000;

function openedKey(value: string, purpose: string, secret: string): string {
  return `${purpose}\u0000${secret}\u0000${value}`;
}

/** Opens a value sealed for `purpose`; anything tampered, sealed for another purpose or expired is refused. */
export async function unsealValue(value: string, purpose: string, secret: string, now: number = Date.now()): Promise<Unsealed> {
  const opened = processCache<JWTPayload>("sealed-value", OPENED_CAPACITY);
  const key = openedKey(value, purpose, secret);
  const known = opened.get(key, now);
  if (known !== undefined) return { state: "valid", claims: known };
  try {
    const { payload } = await jwtDecrypt(value, derivedKey(secret, purpose), {
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      currentDate: new Date(now),
    });
    // jose refuses a value once `now` reaches exp (no clock tolerance here), so it stays valid until exp * 1000.
    if (typeof payload.exp === "number" && payload.nbf === undefined) opened.set(key, payload, payload.exp * 1000);
    return { state: "valid", claims: payload };
  } catch (error) {
    const expired = error instanceof Error && "code" in error && error.code === "ERR_JWT_EXPIRED";
    return { state: expired ? "expired" : "invalid" };
  }
}
