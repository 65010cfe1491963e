import "server-only";
// How a portal page turns its reads into an outcome on the server: a refused token goes once
// through /portal/session, a missing resource is the 404 page, anything else reaches error.tsx.
import { notFound } from "next/navigation";
import { currentUser } from "@/lib/server/auth/current-user";
import { portalSessionForPage, renewIfRefused } from "@/lib/server/portal-session/renew";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { readPortalSession } from "@/lib/server/portal-session/sealed-cookie";
import type { PortalCustomer } from "@/lib/shared/revkeen-api/schemas";
import { readCustomer } from "@/lib/server/portal-pages/reads";

/** Runs `load` with the page's portal token. `path` is where renewal comes back to. */
export async function loadPortalPage<Data>(path: string, load: (token: string) => Promise<Data>): Promise<Data> {
  const session = await portalSessionForPage(path);
  try {
    return await load(session.token);
  } catch (error) {
    renewIfRefused(error, session, path);
    if (error instanceof PortalError && error.code.endsWith(":not_found")) notFound();
    throw error;
  }
}

/**
 * The customer for the layout's header, or null. The layout does not know the page's path, so
 * it never redirects or fails: the page beside it reads the same cached customer and does that.
 */
export async function customerForLayout(): Promise<PortalCustomer | null> {
  const user = await currentUser();
  if (user === null) return null;
  const stored = await readPortalSession(user.id);
  if (stored.state !== "valid") return null;
  try {
    return await readCustomer(stored.session.token);
  } catch {
    return null;
  }
}
