import { Suspense } from "react";
import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/server/i18n/client-messages";
import { portalCopy } from "@/lib/server/i18n/portal-copy";
import { CustomerName } from "./_components/customer-name";
import { NavigationPending } from "./_components/navigation-pending";
import { PortalNav } from "./_components/portal-nav";
import { DirectDebitNavItem } from "./_components/direct-debit-nav-item";
import { PortalCopyProvider } from "./_components/portal-copy";
import "./portal.css";

/** The namespaces the portal's client components use: only these reach the browser. */
const PORTAL_CLIENT_NAMESPACES = ["Invoices", "PayNow", "RetryCard"] as const;

export default async function PortalLayout({ children }: LayoutProps<"/portal">) {
  const [messages, copy] = await Promise.all([clientMessages(PORTAL_CLIENT_NAMESPACES), portalCopy()]);
  return (
    <NextIntlClientProvider messages={messages}>
      <PortalCopyProvider copy={copy}>
        <NavigationPending>
          <header className="portal-header">
            <Suspense fallback={<p className="portal-customer" aria-hidden="true" />}>
              <CustomerName />
            </Suspense>
            {/* Never waits on RevKeen: the Direct Debit link joins when the answer does. */}
            <PortalNav
              directDebit={
                <Suspense fallback={null}>
                  <DirectDebitNavItem />
                </Suspense>
              }
            />
          </header>
          <main id="portal-main" className="stack">
            {children}
          </main>
        </NavigationPending>
      </PortalCopyProvider>
    </NextIntlClientProvider>
  );
}
