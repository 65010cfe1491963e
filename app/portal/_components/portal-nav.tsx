"use client";

import { PortalLink } from "./navigation-pending";
import type { Route } from "next";
import { usePathname } from "next/navigation";
import { usePortalCopy } from "./portal-copy";
import { useHydrated } from "./use-hydrated";

type NavLabel = "overview" | "subscriptions" | "invoices" | "directDebit";

const LINKS: { href: Route; label: NavLabel }[] = [
  { href: "/portal", label: "overview" },
  { href: "/portal/subscriptions", label: "subscriptions" },
  { href: "/portal/invoices", label: "invoices" },
];

const DIRECT_DEBIT: { href: Route; label: NavLabel } = { href: "/portal/direct-debit", label: "directDebit" };

export function PortalNav({ directDebit }: { directDebit: boolean }) {
  const { nav } = usePortalCopy();
  const pathname = usePathname();
  // True only once hydrated: tests and scripts wait for it before counting requests.
  const hydrated = useHydrated();
  return (
    <nav aria-label={nav.label} className="portal-nav" data-hydrated={hydrated ? "true" : undefined}>
      <ul>
        {(directDebit ? [...LINKS, DIRECT_DEBIT] : LINKS).map(({ href, label }) => {
          const current = href === "/portal" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <PortalLink href={href} aria-current={current ? "page" : undefined}>
                {nav[label]}
              </PortalLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
