"use client";

import { PortalLink } from "./navigation-pending";
import type { Route } from "next";
import { usePathname } from "next/navigation";
import { useHydrated } from "./use-hydrated";

const LINKS: { href: Route; label: string }[] = [
  { href: "/portal", label: "Overview" },
  { href: "/portal/subscriptions", label: "Subscriptions" },
  { href: "/portal/invoices", label: "Invoices" },
];

const DIRECT_DEBIT = { href: "/portal/direct-debit" as Route, label: "Direct Debit" };

export function PortalNav({ directDebit }: { directDebit: boolean }) {
  const pathname = usePathname();
  // True only once hydrated: tests and scripts wait for it before counting requests.
  const hydrated = useHydrated();
  return (
    <nav aria-label="Billing" className="portal-nav" data-hydrated={hydrated ? "true" : undefined}>
      <ul>
        {(directDebit ? [...LINKS, DIRECT_DEBIT] : LINKS).map(({ href, label }) => {
          const current = href === "/portal" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <PortalLink href={href} aria-current={current ? "page" : undefined}>
                {label}
              </PortalLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
