import "server-only";
// One key per purpose, derived from AUTH_SECRET (HKDF-SHA256), so that a key made for one use
// (sealing the portal cookie, signing a billing link, the keyless demo's webhook secret) never
// serves another, and none of them gives AUTH_SECRET away.
import { hkdfSync } from "node:crypto";

const SALT = "revkeen-portal-starter";

/** Derived once per secret and purpose: every portal request opens a cookie. */
const keys = new Map<string, Uint8Array>();

/** 32 bytes for `purpose`, the same for the same secret in every process. */
export function derivedKey(secret: string, purpose: string): Uint8Array {
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (key === undefined) {
    key = new Uint8Array(hkdfSync("sha256", secret, SALT, purpose, 32));
    keys.set(id, key);
  }
  return key;
}
