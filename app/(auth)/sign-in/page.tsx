import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { configuredProviders } from "@/app/(auth)/auth";
import { signInAsDemoCustomer, signInWithProvider } from "@/app/(auth)/actions";
import { DEMO_PROVIDER_ID, demoCustomers, NEW_CUSTOMER } from "@/lib/server/billing-account/demo-customers";
import { displayedUser } from "@/lib/server/auth/current-user";
import { safeLocalPath } from "@/lib/shared/paths/safe-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { callbackUrl: rawCallback } = await searchParams;
  const callbackUrl = safeLocalPath(typeof rawCallback === "string" ? rawCallback : undefined);
  if (await displayedUser()) redirect(callbackUrl as "/");

  const [customers, providers] = [await demoCustomers(), configuredProviders()];
  const oauth = providers.filter((provider) => provider.id !== DEMO_PROVIDER_ID);

  return (
    <main className="page stack">
      <h1>Sign in</h1>
      {customers.length > 0 && (
        <section className="card stack" aria-labelledby="demo-heading">
          <h2 id="demo-heading">Demo customers</h2>
          <p className="muted">Pick a made-up customer of the sandbox to see their billing.</p>
          <ul className="choice-list">
            {customers.map((customer) => (
              <li key={customer.id}>
                <form action={signInAsDemoCustomer}>
                  <input type="hidden" name="customerId" value={customer.id} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <button type="submit" className="button">
                    <span>Continue as {customer.name}</span>
                    <span className="muted">{customer.summary}</span>
                  </button>
                </form>
              </li>
            ))}
            <li>
              <form action={signInAsDemoCustomer}>
                <input type="hidden" name="customerId" value={NEW_CUSTOMER} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button type="submit" className="button">
                  <span>Continue as a new customer</span>
                  <span className="muted">Someone with no billing account yet</span>
                </button>
              </form>
            </li>
          </ul>
        </section>
      )}
      {oauth.length > 0 && (
        <section className="card stack" aria-label="Sign-in providers">
          {oauth.map((provider) => (
            <form key={provider.id} action={signInWithProvider}>
              <input type="hidden" name="provider" value={provider.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className="button">
                Continue with {provider.name}
              </button>
            </form>
          ))}
        </section>
      )}
      {customers.length === 0 && oauth.length === 0 && (
        <p className="notice notice-error">
          No sign-in method is set up. Set AUTH_GITHUB_ID and AUTH_GITHUB_SECRET, or add a provider in app/(auth)/auth.ts.
        </p>
      )}
    </main>
  );
}
