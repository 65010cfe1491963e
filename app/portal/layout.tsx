import { Suspense } from "react";
import { CustomerName } from "./_components/customer-name";
import { NavigationPending } from "./_components/navigation-pending";
import { PortalNav } from "./_components/portal-nav";
import { PortalNavigation } from "./_components/portal-navigation";
import "./portal.css";

export default function PortalLayout({ children }: LayoutProps<"/portal">) {
  return (
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
  );
}
