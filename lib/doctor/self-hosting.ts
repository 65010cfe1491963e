// Auth.js trusts the request's Host only when AUTH_URL, AUTH_TRUST_HOST, VERCEL or CF_PAGES is
// set, or outside production; under `next start` on your own server neither holds by itself,
// and sign-in then fails with UntrustedHost. Only a hint: a platform may set these at runtime.
import { z } from "zod";
import type { CheckResult, DoctorEnv } from "./check-result";
import { displayUrl } from "../shared/secrets/display-url";
import { isPlainHttpOffLoopback } from "../env/schema.mjs";

const NAME = "AUTH_URL / AUTH_TRUST_HOST";
const httpUrl = z.url({ protocol: /^https?$/ });

export function checkSelfHosting(env: DoctorEnv): CheckResult {
  if (env.VERCEL || env.CF_PAGES) {
    return { name: NAME, status: "ok", detail: `not needed: ${env.VERCEL ? "Vercel" : "Cloudflare Pages"} is detected and Auth.js trusts its host` };
  }
  const authUrl = env.AUTH_URL?.trim();
  if (authUrl) {
    if (!httpUrl.safeParse(authUrl).success) {
      return { name: NAME, status: "warn", detail: "AUTH_URL is not an http(s) URL: use your site's address, e.g. https://billing.example.com" };
    }
    if (isPlainHttpOffLoopback(authUrl)) {
      return { name: NAME, status: "warn", detail: `AUTH_URL ${displayUrl(authUrl)} is plain http: the portal cookie is only Secure on https` };
    }
    return { name: NAME, status: "ok", detail: `AUTH_URL ${displayUrl(authUrl)}` };
  }
  const trustHost = env.AUTH_TRUST_HOST;
  if (trustHost !== undefined && trustHost !== "") {
    // Auth.js tests the variable for presence, so "false" turns trust on too.
    if (/^(false|0|no|off)$/i.test(trustHost.trim())) {
      return { name: NAME, status: "warn", detail: `AUTH_TRUST_HOST=${trustHost.trim()} still turns trust on (Auth.js only checks that it is set); remove it to turn it off` };
    }
    return { name: NAME, status: "ok", detail: "AUTH_TRUST_HOST is set: make sure your proxy sets Host (or X-Forwarded-Host) itself" };
  }
  return {
    name: NAME,
    status: "warn",
    detail: "neither set: fine on Vercel and under `next dev`; for `next start` on your own server or behind a proxy set AUTH_URL=https://<your site> or AUTH_TRUST_HOST=true",
  };
}
