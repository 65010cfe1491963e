import type { CardsOnFile } from "@/lib/shared/billing/payment-method-summary";
import { Badge } from "./badge";

/**
 * The cards and bank accounts on file: brand or bank, last four digits, expiry and which is the
 * default, nothing more. Rendered on the server with the overview; a failure to read them is said
 * here alone, with a way to try again, and the rest of the page stands.
 */
export function PaymentMethodsSection({ cards }: { cards: CardsOnFile | "unavailable" }) {
  return (
    <section className="card stack" aria-labelledby="payment-methods-heading">
      <h2 id="payment-methods-heading">Payment methods</h2>
      {cards === "unavailable" ? (
        <p className="notice notice-error" data-testid="payment-methods-problem">
          Your payment methods couldn&apos;t be loaded just now. <a href="/portal">Try again</a>
        </p>
      ) : (
        <>
          {cards.warning && (
            <p className="notice notice-error" data-testid="card-expiry-warning">
              {cards.warning}
            </p>
          )}
          {cards.methods.length === 0 ? (
            <p className="muted">You have no cards or bank accounts on file.</p>
          ) : (
            <ul className="plain-list stack-tight payment-methods" aria-label="Payment methods on file">
              {cards.methods.map((method, index) => (
                // The methods carry no id to the page: their order is their identity here.
                <li key={index}>
                  <span>{method.label}</span>
                  {method.expiry && <span className="muted">{method.expiry}</span>}
                  {method.isDefault && <Badge badge={{ label: "Default", tone: "info" }} />}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
