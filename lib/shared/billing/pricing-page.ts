// Where a customer who cannot subscribe here is sent: the merchant's pricing page, an https
// address or a path on this site (portal-options.ts). Anything else is no link at all, so a typo
// in the options never becomes a link to another scheme or a protocol-relative host.
import { safeLocalPath } from "@/lib/shared/paths/safe-path";

export function pricingPageHref(configured: string): string | null {
  if (configured.startsWith("/")) return safeLocalPath(configured, "/", "") || null;
  try {
    const url = new URL(configured);
    return url.protocol === "https:" && url.username === "" && url.password === "" ? url.href : null;
  } catch {
    return null;
  }
}
