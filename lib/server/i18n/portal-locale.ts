import "server-only";
// Inside the portal the customer's RevKeen locale chooses the language. The customer is read
// with the page's own portal token (the layout reads it on every full page anyway, and React's
// cache() shares that read), then kept for the rest of the billing session, so a page that does
// not show the customer moves without asking RevKeen again. A new session (Manage billing,
// renewal) reads it afresh: a locale changed in RevKeen speaks from the next session on.
import { cache } from "react";
import { currentUser } from "@/lib/server/auth/current-user";
import { processCache } from "@/lib/server/caching/bounded-cache";
import { readCustomer } from "@/lib/server/portal-pages/reads";
import { readPortalSession } from "@/lib/server/portal-session/sealed-cookie";
import { DEFAULT_LOCALE, matchLocale, type AppLocale } from "@/lib/shared/i18n/locales";

/** Sessions held at once; the least recently used go first. */
const CAPACITY = 10_000;
/** What a customer without a locale is kept as: the request's own languages decide then. */
const NONE = "none";

const sessions = () => processCache<AppLocale | typeof NONE>("portal-session-locales", CAPACITY);

/**
 * The language of the signed-in customer's portal, or null when there is no valid billing session,
 * the customer has no locale, or RevKeen cannot say (the page beside it reports that itself).
 * A locale we do not have falls back by language, then to English.
 */
export const portalLocale = cache(async (): Promise<AppLocale | null> => {
  const user = await currentUser().catch(() => null);
  if (user === null) return null;
  const stored = await readPortalSession(user.id);
  if (stored.state !== "valid") return null;
  const key = `${user.id}:${stored.session.mintedAt}`;
  const kept = sessions().get(key);
  if (kept !== undefined) return kept === NONE ? null : kept;
  const customer = await readCustomer(stored.session.token).catch(() => null);
  if (customer === null) return null;
  const locale = customer.locale ? (matchLocale(customer.locale) ?? DEFAULT_LOCALE) : null;
  sessions().set(key, locale ?? NONE, stored.session.expiresAt);
  return locale;
});
