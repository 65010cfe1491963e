import Form from "next/form";
import { INVOICE_PAGE_SIZES } from "@/lib/shared/portal-api/keys";

/** A plain GET form: works without JavaScript, and a new size starts again from the newest. */
export function PageSizeForm({ limit }: { limit: number }) {
  return (
    <Form action="/portal/invoices" className="inline-form">
      <label htmlFor="page-size">Invoices per page</label>
      <select id="page-size" name="limit" defaultValue={String(limit)} key={limit}>
        {INVOICE_PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
      <button type="submit" className="button">
        Show
      </button>
    </Form>
  );
}
