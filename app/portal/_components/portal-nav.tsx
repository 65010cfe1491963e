"use client";

import { PortalLink } from "./navigation-pending";
import type { Route } from "next";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { usePortalCopy } from "./portal-copy";
import { useHydrated } from "./use-hydrated";

type NavCopy = "overview" | "subscriptions" | "invoices" | "directDebit";

const LINKS: { href: Route; copy: NavCopy }[] = [
  { href: "/portal", copy: "overview" },
  { href: "/portal/subscriptions", copy: "subscriptions" },
  { href: "/portal/invoices", copy: "invoices" },
];

/**
 * The portal's navigation. `directDebit` is the slot where the Direct Debit link streams in when
 * RevKeen answers: the other links are drawn once and never replaced, so a click made before that
 * answer keeps its link's pending state ("Loading…") until the next page shows.
 */
export function PortalNav({ directDebit }: { directDebit: ReactNode }) {
  const { nav } = usePortalCopy();
  // True only once hydrated: tests and scripts wait for it before counting requests.
  const hydrated = useHydrated();
  return (
    <nav aria-label={nav.label} className="portal-nav" data-hydrated={hydrated ? "true" : undefined}>
      <ul>
        {LINKS.map(({ href, copy }) => (
          <PortalNavItem key={href} href={href} copy={copy} />
        ))}
        {directDebit}
      </ul>
    </nav>
  );
}

/** One of the navigation's links, `copy` naming its words in the portal's copy. */
export function PortalNavItem({ href, copy }: { href: Route; copy: NavCopy }) {
  const { nav } = usePortalCopy();
  const pathname = usePathname();
  const current = href === "/portal" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <li>
      <PortalLink href={href} aria-current={current ? "page" : undefined}>
        {nav[copy]}
      </PortalLink>
    </li>
  );
}
