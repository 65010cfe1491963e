import { PortalLink } from "../../_components/navigation-pending";
import type { Route } from "next";
import type { PageLinks } from "@/lib/shared/billing/invoice-paging";
import { listSearch } from "@/lib/shared/portal-api/keys";
import type { ListQuery } from "@/lib/shared/revkeen-api/wire";

function pageHref(query: ListQuery): Route {
  return `/portal/invoices?${listSearch(query)}` as Route;
}

export function InvoicePager({ links }: { links: PageLinks }) {
  if (!links.previous && !links.next) return null;
  return (
    <nav aria-label="Invoice pages" className="pager">
      {links.previous ? (
        <PortalLink href={pageHref(links.previous)} className="button" rel="prev">
          ← Previous
        </PortalLink>
      ) : (
        <span />
      )}
      {links.next && (
        <PortalLink href={pageHref(links.next)} className="button" rel="next">
          Next →
        </PortalLink>
      )}
    </nav>
  );
}
