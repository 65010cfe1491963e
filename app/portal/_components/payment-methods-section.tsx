import { getTranslations } from "next-intl/server";
import type { CardsOnFile, CardWarning, MethodLabel } from "@/lib/shared/billing/payment-method-summary";
import { Badge } from "./badge";

/**
 * The cards and bank accounts on file: brand or bank, last four digits, expiry and which is the
 * default, nothing more. Rendered on the server with the overview; a failure to read them is said
 * here alone, with a way to try again, and the rest of the page stands.
 */
export async function PaymentMethodsSection({ cards }: { cards: CardsOnFile | "unavailable" }) {
  const t = await getTranslations("PaymentMethods");
  const name = (label: MethodLabel) => t(label.key, label.values);
  const warning = (said: CardWarning) =>
    said.key === "warningExpired" ? t(said.key, { card: name(said.card) }) : t(said.key, { card: name(said.card), date: said.date });
  return (
    <section className="card stack" aria-labelledby="payment-methods-heading">
      <h2 id="payment-methods-heading">{t("heading")}</h2>
      {cards === "unavailable" ? (
        <p className="notice notice-error" data-testid="payment-methods-problem">
          {t.rich("problem", { retry: (chunks) => <a href="/portal">{chunks}</a> })}
        </p>
      ) : (
        <>
          {cards.warning && (
            <p className="notice notice-error" data-testid="card-expiry-warning">
              {warning(cards.warning)}
            </p>
          )}
          {cards.methods.length === 0 ? (
            <p className="muted">{t("none")}</p>
          ) : (
            <ul className="plain-list stack-tight payment-methods" aria-label={t("onFile")}>
              {cards.methods.map((method, index) => (
                // The methods carry no id to the page: their order is their identity here.
                <li key={index}>
                  <span>{name(method.label)}</span>
                  {method.expiry && <span className="muted">{t(method.expiry.key, method.expiry.values)}</span>}
                  {method.isDefault && <Badge badge={{ label: t("default"), tone: "info" }} />}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
