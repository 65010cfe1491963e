import "server-only";
// Where "Pay now" may send the customer: the one redirect to another site this app makes. The
// address comes from RevKeen's answer, never from the browser, and is still checked, so that no
// answer (a misconfigured REVKEEN_API_URL, a proxy in between) can send a customer to a page
// that asks for her card on someone else's site. The rule (docs/security.md):
//   - RevKeen or a RevKeen-compatible server (REVKEEN_API_URL): its own origin, or over https a
//     host under the API host's parent domain (api.revkeen.com: revkeen.com and *.revkeen.com);
//   - the built-in sandbox (no key): this site's own origin, under /__sandbox/, where the keyless
//     app serves the sandbox's checkout page.
// The same origins go in the pages' CSP form-action (proxy.ts): a form's redirect is held to it.
import type { ServerEnv } from "@/lib/env/schema.mjs";

type CheckoutSettings = Pick<ServerEnv, "mode" | "REVKEEN_API_URL">;

const SANDBOX_PREFIX = "/__sandbox/";

/** The API host's parent domain, when it has one below a top-level domain (api.revkeen.com: revkeen.com). */
function parentDomain(host: string): string | null {
  if (/^[\d.]+$/.test(host) || host.startsWith("[")) return null;
  const labels = host.split(".");
  return labels.length >= 3 ? labels.slice(1).join(".") : null;
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
