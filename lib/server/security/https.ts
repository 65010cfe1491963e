import "server-only";
// Whether the browser reached this site over https. The sign-in cookie (named by Auth.js), the
// portal cookie (named here) and the https-only headers all follow this one rule, so they always
// agree on `Secure` and on the `__Secure-` / `__Host-` names. It is Auth.js's own rule
// (@auth/core's createActionURL): AUTH_URL when it is set, because it is the public address
// whatever a proxy forwards; else X-Forwarded-Proto, which Next sets on every request; https
// when neither says.

export function isHttps(headers: Headers, authUrl: string | undefined): boolean {
  if (authUrl) return new URL(authUrl).protocol === "https:";
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded || "https") === "https";
}
