import { directDebitForLayout } from "@/lib/server/portal-pages/load-portal-page";
import { PortalNavItem } from "./portal-nav";

/** The navigation's Direct Debit link, where the merchant offers it: it joins when RevKeen's answer does. */
export async function DirectDebitNavItem() {
  return (await directDebitForLayout()) ? <PortalNavItem href="/portal/direct-debit" copy="directDebit" /> : null;
}
