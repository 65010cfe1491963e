import "server-only";
// A state-changing request must come from this site's own pages. Browsers send Origin on every
// cross-origin POST and on same-origin fetch POSTs, so a missing or foreign Origin is refused.

function firstValue(header: string | null): string | null {
  return header?.split(",")[0]?.trim() || null;
}

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  if (origin === new URL(request.url).origin) return true;
  // Behind a proxy the request URL names the internal host; the public one is forwarded.
  const forwardedHost = firstValue(request.headers.get("x-forwarded-host"));
  if (forwardedHost === null) return false;
  try {
    return new URL(origin).host === forwardedHost;
  } catch {
    return false;
  }
}
