/**
 * A redirect destination taken from a query or a form: a path on this site under `prefix`, or
 * `fallback`. Never another origin (`//evil.example`, `/\evil.example`), so no open redirects.
 */
export function safeLocalPath(value: string | null | undefined, prefix = "/", fallback = prefix): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  const base = "http://local.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  const under = prefix === "/" || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
  return url.origin === base && under ? url.pathname + url.search : fallback;
}

export const safePortalPath = (value: string | null | undefined) => safeLocalPath(value, "/portal");
