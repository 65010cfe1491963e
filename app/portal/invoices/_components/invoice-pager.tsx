import type { Route } from "next";
import { useTranslations } from "next-intl";
import { PortalLink } from "../../_components/navigation-pending";
import type { PageLinks } from "@/lib/shared/billing/invoice-paging";
import { listSearch } from "@/lib/shared/portal-api/keys";
import type { ListQuery } from "@/lib/shared/revkeen-api/wire";

function pageHref(query: ListQuery): Route {
  return `/portal/invoices?${listSearch(query)}` as Route;
}

export function InvoicePager({ links }: { links: PageLinks }) {
  const t = useTranslations("Invoices");
  if (!links.previous && !links.next) return null;
  return (
    <nav aria-label={t("pages")} className="pager">
      {links.previous ? (
        <PortalLink href={pageHref(links.previous)} className="button" rel="prev">
          {t("previous")}
        </PortalLink>
      ) : (
        <span />
      )}
      {links.next && (
        <PortalLink href={pageHref(links.next)} className="button" rel="next">
          {t("next")}
        </PortalLink>
      )}
    </nav>
  );
}
