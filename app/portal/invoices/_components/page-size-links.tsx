import type { Route } from "next";
import { useTranslations } from "next-intl";
import { INVOICE_PAGE_SIZES, listSearch } from "@/lib/shared/portal-api/keys";
import { PortalLink } from "../../_components/navigation-pending";

/** Invoices per page, one link a size: works without JavaScript, and a new size starts again from the newest. */
export function PageSizeLinks({ limit }: { limit: number }) {
  const t = useTranslations("Invoices");
  return (
    <nav className="page-size" aria-labelledby="page-size-label">
      <span id="page-size-label" className="muted">
        {t("perPage")}
      </span>
      <ul>
        {INVOICE_PAGE_SIZES.map((size) => (
          <li key={size}>
            {/* Not prefetched: a size is this page again with more or fewer rows, all data, which a
                prefetch does not fetch, and each would be a request to the server every time the list
                shows, one of them for the size already on screen. */}
            <PortalLink href={`/portal/invoices?${listSearch({ limit: size })}` as Route} prefetch={false} aria-current={size === limit ? "page" : undefined}>
              {size}
            </PortalLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
