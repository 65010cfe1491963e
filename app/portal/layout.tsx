import { Suspense } from "react";
import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/server/i18n/client-messages";
import { portalCopy } from "@/lib/server/i18n/portal-copy";
import { CustomerName } from "./_components/customer-name";
import { NavigationPending } from "./_components/navigation-pending";
import { PortalNav } from "./_components/portal-nav";
import { DirectDebitNavItem } from "./_components/direct-debit-nav-item";
import { directDebitForLayout } from "@/lib/server/portal-pages/load-portal-page";
import { PortalCopyProvider } from "./_components/portal-copy";
import "./portal.css";

/** The namespaces the portal's client components use: only these reach the browser. */
const PORTAL_CLIENT_NAMESPACES = ["Invoices", "PayNow", "RetryCard"] as const;

export default async function PortalLayout({ children }: LayoutProps<"/portal">) {
  // Asked before the layout waits for the customer's language (a new billing session reads it
  // from RevKeen), so that the mandates come beside the page's reads rather than after them.
  const directDebit = directDebitForLayout();
  const [messages, copy] = await Promise.all([clientMessages(PORTAL_CLIENT_NAMESPACES), portalCopy()]);
  return (
    <NextIntlClientProvider messages={messages}>
      <PortalCopyProvider copy={copy}>
        <NavigationPending>
          <header className="portal-header">
            {/* Not behind a boundary of its own: every page reads the same customer, so the name is
                never later than the page, and a boundary let React show the page with the name
                missing and then hold the name back for its 300 ms between reveals. */}
            <CustomerName />
            {/* Never waits on RevKeen: the Direct Debit link joins when the answer does. */}
            <PortalNav
              directDebit={
                <Suspense fallback={null}>
                  <DirectDebitNavItem offered={directDebit} />
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
