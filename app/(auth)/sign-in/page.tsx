import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { configuredProviders } from "@/app/(auth)/auth";
import { signInAsDemoCustomer, signInWithProvider } from "@/app/(auth)/actions";
import { DEMO_PROVIDER_ID, demoCustomers, NEW_CUSTOMER } from "@/lib/server/billing-account/demo-customers";
import { displayedUser } from "@/lib/server/auth/current-user";
import { safeLocalPath } from "@/lib/shared/paths/safe-path";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}

/** Auth.js's error codes (its `pages.error` is this page), each worded by `SignIn.failed`. */
const SIGN_IN_ERROR = /^[A-Za-z]{1,40}$/;

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { callbackUrl: rawCallback, error } = await searchParams;
  const t = await getTranslations("SignIn");
  const callbackUrl = safeLocalPath(typeof rawCallback === "string" ? rawCallback : undefined);
  if (await displayedUser()) redirect(callbackUrl as "/");

  const [customers, providers] = [await demoCustomers(), configuredProviders()];
  const oauth = providers.filter((provider) => provider.id !== DEMO_PROVIDER_ID);

  return (
    <main className="page stack">
      <h1>{t("title")}</h1>
      {typeof error === "string" && SIGN_IN_ERROR.test(error) && (
        <p className="notice notice-error" data-testid="sign-in-error">
          {t("failed", { error })}
        </p>
      )}
      {customers.length > 0 && (
        <section className="card stack" aria-labelledby="demo-heading">
          <h2 id="demo-heading">{t("demoHeading")}</h2>
          <p className="muted">{t("demoIntro")}</p>
          <ul className="choice-list">
            {customers.map((customer) => (
              <li key={customer.id}>
                <form action={signInAsDemoCustomer}>
                  <input type="hidden" name="customerId" value={customer.id} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <button type="submit" className="button">
                    <span>{t("continueAs", { name: customer.name })}</span>
                    <span className="muted">
                      {customer.subscriptions === 0 && customer.invoices === 0
                        ? t("holdingsNone")
                        : t("holdings", { subscriptions: customer.subscriptions, invoices: customer.invoices })}
                    </span>
                  </button>
                </form>
              </li>
            ))}
            <li>
              <form action={signInAsDemoCustomer}>
                <input type="hidden" name="customerId" value={NEW_CUSTOMER} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button type="submit" className="button">
                  <span>{t("newCustomer")}</span>
                  <span className="muted">{t("newCustomerSummary")}</span>
                </button>
              </form>
            </li>
          </ul>
        </section>
      )}
      {oauth.length > 0 && (
        <section className="card stack" aria-label={t("providers")}>
          {oauth.map((provider) => (
            <form key={provider.id} action={signInWithProvider}>
              <input type="hidden" name="provider" value={provider.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className="button">
                {t("continueWith", { provider: provider.name })}
              </button>
            </form>
          ))}
        </section>
      )}
      {customers.length === 0 && oauth.length === 0 && (
        <p className="notice notice-error">
          {t("noMethod")}
        </p>
      )}
    </main>
  );
}
