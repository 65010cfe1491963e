import "server-only";
// Where "Pay now" may send the customer: the one redirect to another site this app makes. The
// address comes from RevKeen's answer, never from the browser, and is still checked, so that no
// answer (a misconfigured REVKEEN_API_URL, a proxy in between) can send a customer to a page
// that asks for her card on someone else's site. The rule (docs/security.md):
//   - RevKeen or a RevKeen-compatible server (REVKEEN_API_URL): its own origin; for RevKeen's own
//     API (a host under revkeen.com), also revkeen.com and its subdomains over https. Any other
//     host gets its own origin alone: its parent may be a hosting provider's shared domain
//     (onrender.com, fly.dev), where any customer of that provider has a page.
//   - the built-in sandbox (no key): this site's own origin, under /__sandbox/, where the keyless
//     app serves the sandbox's checkout page.
// The same origins go in the pages' CSP form-action (proxy.ts): a form's redirect is held to it.
import type { ServerEnv } from "@/lib/env/schema.mjs";

type CheckoutSettings = Pick<ServerEnv, "mode" | "REVKEEN_API_URL">;

const SANDBOX_PREFIX = "/__sandbox/";

const REVKEEN_DOMAIN = "revkeen.com";

/** RevKeen's domain when the API is RevKeen's own, whose checkout may live on another of its hosts. */
function parentDomain(host: string): string | null {
  return host === REVKEEN_DOMAIN || host.endsWith(`.${REVKEEN_DOMAIN}`) ? REVKEEN_DOMAIN : null;
}

/** Whether `url` is a checkout page this app may send a customer to. `siteOrigin`: this site's own. */
export function isCheckoutDestination(url: string, env: CheckoutSettings, siteOrigin: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.username || target.password) return false;
  if (env.mode === "sandbox") return target.origin === siteOrigin && target.pathname.startsWith(SANDBOX_PREFIX);
  const api = new URL(env.REVKEEN_API_URL);
  if (target.origin === api.origin) return true;
  const parent = parentDomain(api.hostname);
  if (target.protocol !== "https:" || parent === null) return false;
  return target.hostname === parent || target.hostname.endsWith(`.${parent}`);
}

/** The same rule as CSP sources, for form-action: the sandbox's page is this site's own ('self'). */
export function checkoutFormActionSources(env: CheckoutSettings): string[] {
  if (env.mode === "sandbox") return [];
  const api = new URL(env.REVKEEN_API_URL);
  const parent = parentDomain(api.hostname);
  return [api.origin, ...(parent === null ? [] : [`https://${parent}`, `https://*.${parent}`])];
}
