import { PortalNavItem } from "./portal-nav";

/** The navigation's Direct Debit link, where the merchant offers it: it joins when RevKeen's answer does. */
export async function DirectDebitNavItem({ offered }: { offered: Promise<boolean> }) {
  return (await offered) ? <PortalNavItem href="/portal/direct-debit" copy="directDebit" /> : null;
}
