import "server-only";
// A state-changing request must come from this site's own pages. Browsers send Origin on every
// cross-origin POST and on same-origin fetch POSTs, so a missing or foreign Origin is refused.
// This site is AUTH_URL when it is set. Otherwise it is the host the browser asked for: the Host
// header, or X-Forwarded-Host where the environment says a proxy sets it (AUTH_TRUST_HOST, or
// Vercel), since anyone else could send that header.
import type { ServerEnv } from "@/lib/env/schema.mjs";

type OriginSettings = Pick<ServerEnv, "AUTH_URL" | "AUTH_TRUST_HOST" | "VERCEL">;

function firstValue(header: string | null): string | null {
  return header?.split(",")[0]?.trim() || null;
}

/** `request` is a Request, or a server action's `{ headers: await headers() }`. */
export function isSameOrigin(request: Pick<Request, "headers">, env: OriginSettings): boolean {
  return sameSiteOrigin(request, env) !== null;
}

/**
 * This site's origin as the request's own Origin names it, once checked to be this site; null for
 * anything else. What the app builds its own absolute addresses on (RevKeen's checkout sends the
 * customer back to them), so a forged Host never becomes one.
 */
export function sameSiteOrigin(request: Pick<Request, "headers">, env: OriginSettings): string | null {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return null;
  let claimed: URL;
  try {
    claimed = new URL(origin);
  } catch {
    return null;
  }
  if (env.AUTH_URL) return claimed.origin === new URL(env.AUTH_URL).origin ? claimed.origin : null;
  const proxyNamesHost = Boolean(env.AUTH_TRUST_HOST) || env.VERCEL === "1";
  const host = (proxyNamesHost ? firstValue(request.headers.get("x-forwarded-host")) : null) ?? request.headers.get("host");
  return host !== null && claimed.host === host ? claimed.origin : null;
}
