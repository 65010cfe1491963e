import "server-only";
// Whether this server answers requests at all, checked before anything else by proxy.ts (pages,
// actions, /api/auth, webhooks) and portalRoute() (/api/portal, which the proxy leaves out). Two
// reasons not to: it refused its database at start-up (embedded-storage.ts), or its heap is near
// the limit (heap-guard.ts). Either way every request gets a readable 503 with Retry-After, which
// tells a load balancer to try another instance and RevKeen to deliver a webhook again later.
import { processDatabaseRefusal, type DatabaseSettings } from "@/lib/server/database/embedded-storage";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { NO_STORE, portalErrorResponse } from "@/lib/server/portal-api/error-response";
import { errorsTranslator, localizedErrorText } from "@/lib/server/i18n/error-text";
import type { AppLocale } from "@/lib/shared/i18n/locales";
import { heapIsNearLimit } from "./heap-guard";

export type Unavailable = { code: "server:busy" | "server:misconfigured"; retryAfter: number };

/** Seconds: long enough for the requests in flight to finish and their memory to be collected. */
export const BUSY_RETRY_AFTER_S = 5;
/** Seconds: a refused database stays refused until the merchant sets DATABASE_URL and redeploys. */
export const MISCONFIGURED_RETRY_AFTER_S = 300;

export function whyUnavailable(settings: DatabaseSettings): Unavailable | null {
  if (processDatabaseRefusal(settings) !== null) return { code: "server:misconfigured", retryAfter: MISCONFIGURED_RETRY_AFTER_S };
  if (heapIsNearLimit()) return { code: "server:busy", retryAfter: BUSY_RETRY_AFTER_S };
  return null;
}

/** The app's JSON error envelope (`/api/…`), with Retry-After. */
export async function unavailableJson({ code, retryAfter }: Unavailable, locale: AppLocale): Promise<Response> {
  const error = new PortalError(code, { retryAfter });
  return portalErrorResponse(error, await localizedErrorText(locale, error));
}

/** A small page a person can read (no script, no stylesheet: nothing more to load); a busy one reloads itself. */
export async function unavailablePage({ code, retryAfter }: Unavailable, locale: AppLocale): Promise<Response> {
  const t = await errorsTranslator(locale);
  const message = t(code);
  const title = t("tryAgainShortly");
  const refresh = code === "server:busy" ? `<meta http-equiv="refresh" content="${retryAfter}">` : "";
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${refresh}<title>${title}</title></head>
<body><main><h1>${title}</h1><p>${message}</p></main></body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(retryAfter), "cache-control": NO_STORE },
  });
}
