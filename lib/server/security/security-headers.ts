import "server-only";
// The headers every page carries. Built per request in proxy.ts, because the Content-Security-
// Policy holds a fresh nonce each time: only scripts Next renders with that nonce may run.

export type SecurityOptions = {
  nonce: string;
  /** `next dev` needs eval and inline styles for hot reloading, and a websocket. */
  development: boolean;
  https: boolean;
  /**
   * Who may show the portal in a frame: "'none'" by default. A merchant who embeds the portal in
   * their own site sets PORTAL_FRAME_ANCESTORS, e.g. "https://www.example.com".
   */
  frameAncestors: string;
  /** Where sign-in forms may lead: OAuth providers redirect the form's POST to their own origin. */
  formActionOrigins: readonly string[];
};

export function contentSecurityPolicy(options: SecurityOptions): string {
  const nonce = `'nonce-${options.nonce}'`;
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", nonce, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", options.development ? "'unsafe-inline'" : nonce],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(options.development ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'", ...options.formActionOrigins],
    "frame-ancestors": [options.frameAncestors],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(" ")}`);
  if (options.https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** A billing page uses none of these; turning them off limits what injected code could reach. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

export function securityHeaders(options: SecurityOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    ...(options.frameAncestors === "'none'" ? { "x-frame-options": "DENY" } : {}),
    ...(options.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** 128 random bits, base64: a CSP nonce. Web Crypto, so it works in any runtime. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The portal API's JSON answers (set by portalRoute, since proxy.ts does not run for them): no
 * nonce to make, so one fixed policy that lets the answer load, frame or run nothing, should a
 * browser ever be led to open one as a document.
 */
export function apiSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "content-security-policy": `default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'${https ? "; upgrade-insecure-requests" : ""}`,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "x-frame-options": "DENY",
    ...(https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
