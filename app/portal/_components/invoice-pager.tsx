import Link from "next/link";
import type { Route } from "next";
import type { PageLinks } from "@/lib/shared/billing/invoice-paging";
import { listSearch } from "@/lib/shared/portal-api/keys";
import type { ListQuery } from "@/lib/shared/revkeen-api/schemas";

function pageHref(query: ListQuery): Route {
  return `/portal/invoices?${listSearch(query)}` as Route;
}

export function InvoicePager({ links }: { links: PageLinks }) {
  if (!links.previous && !links.next) return null;
  return (
    <nav aria-label="Invoice pages" className="pager">
      {links.previous ? (
        <Link href={pageHref(links.previous)} className="button" rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      {links.next && (
        <Link href={pageHref(links.next)} className="button" rel="next">
          Next →
        </Link>
      )}
    </nav>
  );
}
