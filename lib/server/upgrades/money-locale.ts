import "server-only";
// The locale an upgrade's prices are written in. The merchant's API says nothing of a customer's
// locale, but the customer's own portal token does: when this browser holds a billing session for
// the signed-in user, their RevKeen locale; otherwise the language the page is shown in.
import { getLocale } from "next-intl/server";
import type { SignedInUser } from "@/lib/server/auth/current-user";
import { readCustomer } from "@/lib/server/portal-pages/reads";
import { readPortalSession } from "@/lib/server/portal-session/sealed-cookie";
import { customerLocale } from "@/lib/shared/format/customer-locale";

export async function moneyLocale(user: SignedInUser): Promise<string> {
  const stored = await readPortalSession(user.id).catch(() => null);
  if (stored?.state === "valid") {
    // A price is still worth showing when RevKeen cannot say whose it is: the page's language then.
    const customer = await readCustomer(stored.session.token).catch(() => null);
    if (customer?.locale) return customerLocale(customer.locale);
  }
  return customerLocale(await getLocale());
}
