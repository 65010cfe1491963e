// A redirect destination taken from a query or a form: a path on this site under `prefix`, or
// `fallback`. Never another origin, so no open redirects. The check runs on the path as the URL
// parser leaves it, which is what a browser follows: "/.//evil.example", "/x/..//evil.example" and
// "/%2e//evil.example" are all "//evil.example" once dot segments are removed, and a browser reads
// that as another host.

const BASE = "http://local.invalid";

export function safeLocalPath(value: string | null | undefined, prefix = "/", fallback = prefix): string {
  if (!value?.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search;
  if (url.origin !== BASE || path.startsWith("//") || path.includes("\\")) return fallback;
  const under = prefix === "/" || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
  return under ? path : fallback;
}

export const safePortalPath = (value: string | null | undefined) => safeLocalPath(value, "/portal");
