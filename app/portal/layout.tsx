import { Suspense } from "react";
import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/server/i18n/client-messages";
import { CustomerName } from "./_components/customer-name";
import { NavigationPending } from "./_components/navigation-pending";
import { PortalNav } from "./_components/portal-nav";
import { PortalNavigation } from "./_components/portal-navigation";
import "./portal.css";

/** The namespaces the portal's client components use: only these reach the browser. */
const PORTAL_CLIENT_NAMESPACES = ["Errors", "ErrorPage", "DirectDebit", "ChangeBank"] as const;

export default async function PortalLayout({ children }: LayoutProps<"/portal">) {
  return (
    <NextIntlClientProvider messages={await clientMessages(PORTAL_CLIENT_NAMESPACES)}>
      <NavigationPending>
        <header className="portal-header">
          <Suspense fallback={<p className="portal-customer" aria-hidden="true" />}>
            <CustomerName />
          </Suspense>
          {/* Never waits on RevKeen: the Direct Debit link joins when the answer does. */}
          <Suspense fallback={<PortalNav directDebit={false} />}>
            <PortalNavigation />
          </Suspense>
        </header>
        <main id="portal-main" className="stack">
          {children}
        </main>
      </NavigationPending>
    </NextIntlClientProvider>
  );
}
