"use client";

import { PortalLink } from "./navigation-pending";
import type { Route } from "next";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useHydrated } from "./use-hydrated";

type NavLabel = "navOverview" | "navSubscriptions" | "navInvoices" | "navDirectDebit";

const LINKS: { href: Route; label: NavLabel }[] = [
  { href: "/portal", label: "navOverview" },
  { href: "/portal/subscriptions", label: "navSubscriptions" },
  { href: "/portal/invoices", label: "navInvoices" },
];

const DIRECT_DEBIT: { href: Route; label: NavLabel } = { href: "/portal/direct-debit", label: "navDirectDebit" };

export function PortalNav({ directDebit }: { directDebit: boolean }) {
  const t = useTranslations("Portal");
  const pathname = usePathname();
  // True only once hydrated: tests and scripts wait for it before counting requests.
  const hydrated = useHydrated();
  return (
    <nav aria-label={t("navLabel")} className="portal-nav" data-hydrated={hydrated ? "true" : undefined}>
      <ul>
        {(directDebit ? [...LINKS, DIRECT_DEBIT] : LINKS).map(({ href, label }) => {
          const current = href === "/portal" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <PortalLink href={href} aria-current={current ? "page" : undefined}>
                {t(label)}
              </PortalLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
