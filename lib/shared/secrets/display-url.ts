// A URL fit for a log line or a report: no user:password part, no query (either may carry a
// credential). Database URLs usually hold a password; RevKeen's rarely, but nothing is assumed.

export function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname === "/" ? "" : url.pathname}`;
  } catch {
    return "(not a URL)";
  }
}
