// What "sealed" means for the app's cookies, as a test checks it: a JWE in compact form, encrypted
// with the key itself (alg "dir", so no encrypted key) under AES-256-GCM. A value that is merely
// signed, or encoded, has three parts or another header and fails this.

export type JweCompactShape = {
  parts: number;
  header: unknown;
  encryptedKey: string | undefined;
  ivBytes: number;
  tagBytes: number;
};

/** What the five parts of `value` hold, for a test to compare with SEALED_SHAPE. */
export function jweCompactShape(value: string): JweCompactShape {
  const parts = value.split(".");
  const bytes = (part: string | undefined) => (part === undefined || !/^[A-Za-z0-9_-]*$/.test(part) ? -1 : Buffer.from(part, "base64url").length);
  let header: unknown = null;
  try {
    header = JSON.parse(Buffer.from(parts[0] ?? "", "base64url").toString("utf8"));
  } catch {
    header = null;
  }
  return { parts: parts.length, header, encryptedKey: parts[1], ivBytes: bytes(parts[2]), tagBytes: bytes(parts[4]) };
}

/** A JWE with direct encryption under A256GCM: a 96-bit IV and a 128-bit tag. */
export const SEALED_SHAPE: JweCompactShape = { parts: 5, header: { alg: "dir", enc: "A256GCM" }, encryptedKey: "", ivBytes: 12, tagBytes: 16 };
