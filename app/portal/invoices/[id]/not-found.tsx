import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "../../_components/not-found-message";

export default async function InvoiceNotFound() {
  const t = await getTranslations("Invoices");
  return <NotFoundMessage title={t("notFoundTitle")} body={t("notFoundBody")} back="/portal/invoices" backLabel={t("backToInvoices")} />;
}
