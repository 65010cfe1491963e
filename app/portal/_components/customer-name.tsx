import { getTranslations } from "next-intl/server";
import { customerForLayout } from "@/lib/server/portal-pages/load-portal-page";

/** The header's "Billing for …"; empty while the page beside it handles a missing session. */
export async function CustomerName() {
  const [customer, t] = await Promise.all([customerForLayout(), getTranslations("Portal")]);
  const name = customer?.name ?? customer?.company_name ?? customer?.email;
  if (!name) return null;
  return (
    <p className="portal-customer">
      {t.rich("billingFor", {
        name,
        muted: (chunks) => <span className="muted">{chunks}</span>,
        customer: (chunks) => <strong data-testid="portal-customer-name">{chunks}</strong>,
      })}
    </p>
  );
}
