import { directDebitForLayout } from "@/lib/server/portal-pages/load-portal-page";
import { PortalNav } from "./portal-nav";

/** The portal's navigation, with Direct Debit where the merchant offers it. */
export async function PortalNavigation() {
  return <PortalNav directDebit={await directDebitForLayout()} />;
}
