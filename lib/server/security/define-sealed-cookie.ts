import "server-only";
// What the cookies this app seals itself (the portal session, a Direct Debit verification) have in
// common. The value is sealed for the cookie's purpose (./sealed-value.ts), so the browser can
// neither read nor forge it and a value sealed for one cookie never opens as another. The cookie
// is httpOnly and site-wide; `Secure` and the `__Host-` prefix go with https, decided as for the
// sign-in cookie (./https.ts), and plain-http development (localhost) drops both, since a browser
// would refuse them there. What a cookie holds, whom it is bound to, how long it lives and its
// SameSite are the cookie's own.
import type { JWTPayload } from "jose";
import { cookies, headers } from "next/headers";
import { serverEnv } from "@/lib/env/server";
import { isHttps } from "./https";
import { sealValue, unsealValue, type Unsealed } from "./sealed-value";

export type SealedCookieSpec = {
  /** The name on plain http; on https it carries the `__Host-` prefix. */
  name: string;
  /** What values are sealed for: changing it refuses every value sealed before. */
  purpose: string;
  sameSite: "lax" | "strict";
};

export type SealedCookieAttributes = {
  name: string;
  options: { httpOnly: true; sameSite: "lax" | "strict"; path: "/"; secure: boolean; maxAge: number };
};

export type SealedCookie = {
  attributes(secure: boolean, maxAgeSeconds: number): SealedCookieAttributes;
  seal(claims: JWTPayload, expiresAt: number, secret: string): Promise<string>;
  open(value: string, secret: string, now?: number): Promise<Unsealed>;
  /** The request's cookie, opened. Works in pages too (it never writes). */
  read(now?: number): Promise<Unsealed | { state: "missing" }>;
  /** Only from a server action or a route handler: pages cannot set cookies. */
  write(claims: JWTPayload, expiresAt: number, maxAgeSeconds: number): Promise<void>;
  /** Only from a server action or a route handler. */
  clear(): Promise<void>;
};

async function usesSecureCookies(): Promise<boolean> {
  return isHttps(await headers(), serverEnv().AUTH_URL);
}

function authSecret(): string {
  // parseServerEnv refuses to start without it at run time.
  return serverEnv().AUTH_SECRET ?? "";
}

export function defineSealedCookie(spec: SealedCookieSpec): SealedCookie {
  const nameFor = (secure: boolean) => (secure ? `__Host-${spec.name}` : spec.name);
  const cookie: SealedCookie = {
    attributes: (secure, maxAgeSeconds) => ({
      name: nameFor(secure),
      options: { httpOnly: true, sameSite: spec.sameSite, path: "/", secure, maxAge: maxAgeSeconds },
    }),
    seal: (claims, expiresAt, secret) => sealValue(claims, spec.purpose, expiresAt, secret),
    open: (value, secret, now = Date.now()) => unsealValue(value, spec.purpose, secret, now),
    async read(now = Date.now()) {
      const value = (await cookies()).get(nameFor(await usesSecureCookies()))?.value;
      if (value === undefined) return { state: "missing" };
      return cookie.open(value, authSecret(), now);
    },
    async write(claims, expiresAt, maxAgeSeconds) {
      const { name, options } = cookie.attributes(await usesSecureCookies(), maxAgeSeconds);
      (await cookies()).set(name, await cookie.seal(claims, expiresAt, authSecret()), options);
    },
    async clear() {
      const jar = await cookies();
      for (const secure of [true, false]) {
        const name = nameFor(secure);
        if (jar.has(name)) jar.delete({ name, path: "/", secure });
      }
    },
  };
  return cookie;
}
