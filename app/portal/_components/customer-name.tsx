import { customerForLayout } from "@/lib/server/portal-pages/load-portal-page";

/** The header's "Billing for …"; empty while the page beside it handles a missing session. */
export async function CustomerName() {
  const customer = await customerForLayout();
  const name = customer?.name ?? customer?.company_name ?? customer?.email;
  if (!name) return null;
  return (
    <p className="portal-customer">
      <span className="muted">Billing for</span> <strong data-testid="portal-customer-name">{name}</strong>
    </p>
  );
}
