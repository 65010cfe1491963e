import "server-only";
// How a portal page turns its reads into an outcome on the server: a refused token goes once
// through /portal/session, a missing resource is the 404 page, anything else reaches error.tsx.
// And what the layout around every page reads, which never redirects or fails.
import { notFound } from "next/navigation";
import { cache } from "react";
import { currentUser } from "@/lib/server/auth/current-user";
import { portalSessionForPage, renewIfRefused } from "@/lib/server/portal-session/renew";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { readPortalSession } from "@/lib/server/portal-session/sealed-cookie";
import type { PortalCustomer } from "@/lib/shared/revkeen-api/customer-portal";
import { readCustomer, readMandates } from "@/lib/server/portal-pages/reads";

/** Runs `load` with the page's portal token. `path` is where renewal comes back to. */
export async function loadPortalPage<Data>(path: string, load: (token: string) => Promise<Data>): Promise<Data> {
  const session = await portalSessionForPage(path);
  try {
    return await load(session.token);
  } catch (error) {
    renewIfRefused(error, session, path);
    // Direct Debit not offered by the merchant: the section does not exist, like any unknown page.
    if (error instanceof PortalError && (error.code.endsWith(":not_found") || error.code === "mandate:self_service_off")) notFound();
    throw error;
  }
}

/** The portal token for the layout, or null: the page beside it redirects or fails when it must. */
const layoutToken = cache(async (): Promise<string | null> => {
  const user = await currentUser().catch(() => null);
  if (user === null) return null;
  const stored = await readPortalSession(user.id);
  return stored.state === "valid" ? stored.session.token : null;
});

/**
 * The customer for the layout's header, or null. The layout does not know the page's path, so
 * it never redirects or fails: the page beside it reads the same cached customer and does that.
 */
export async function customerForLayout(): Promise<PortalCustomer | null> {
  const token = await layoutToken();
  if (token === null) return null;
  try {
    return await readCustomer(token);
  } catch {
    return null;
  }
}

/**
 * Whether the navigation offers Direct Debit: only where the merchant has self-service (the list
 * answers 403 otherwise). Anything unknown leaves the link out rather than showing an error, so
 * it never rejects, and the layout can start it before it waits for anything else.
 */
export async function directDebitForLayout(): Promise<boolean> {
  try {
    const token = await layoutToken();
    if (token === null) return false;
    await readMandates(token);
    return true;
  } catch {
    return false;
  }
}
