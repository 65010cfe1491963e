import "server-only";
// The address a request came from, for per-address limits. X-Forwarded-For is a list each proxy
// appends to, so only its right end was written by someone this app trusts: the first entry is
// whatever the client chose. TRUSTED_PROXY_HOPS says how many proxies in front of the app append
// to it; on Vercel the platform's own header names the client and cannot be forged.

export type ClientIpSettings = { trustedProxyHops: number; onVercel: boolean };

export function clientIp(headers: Headers, { trustedProxyHops, onVercel }: ClientIpSettings): string {
  if (onVercel) return headers.get("x-real-ip")?.trim() || "unknown";
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // No proxy: Next writes the connection's address here when the request carries no header.
  // N proxies: the address the outermost of them saw, N entries from the right.
  return entries.at(-Math.max(1, trustedProxyHops)) ?? "unknown";
}
