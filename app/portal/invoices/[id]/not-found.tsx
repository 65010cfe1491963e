import { NotFoundMessage } from "../../_components/not-found-message";

export default function InvoiceNotFound() {
  return (
    <NotFoundMessage
      title="Invoice not found"
      body="We couldn't find that invoice among yours. The link may be wrong, or it may belong to another account."
      back="/portal/invoices"
      backLabel="Back to invoices"
    />
  );
}
