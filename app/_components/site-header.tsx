import Link from "next/link";
import { serverEnv } from "@/lib/env/server";
import { publicEnv } from "@/lib/env/public";
import { displayedUser } from "@/lib/server/auth/current-user";

const MODE_NOTICE = {
  sandbox: "Demo: this site runs on the built-in RevKeen sandbox with made-up customers. No real billing happens.",
  test: "Test mode: connected to RevKeen with an rk_sandbox_ key. No real billing happens.",
  live: null,
} as const;

export async function SiteHeader() {
  const user = await displayedUser();
  const notice = MODE_NOTICE[serverEnv().mode];
  return (
    <>
      {notice && (
        <p className="mode-banner" data-testid="mode-banner">
          {notice}
        </p>
      )}
      <header className="site-header">
        <Link href="/" className="brand">
          {publicEnv.NEXT_PUBLIC_BRAND_NAME}
        </Link>
        {user ? (
          <nav aria-label="Account" className="site-nav">
            <Link href="/reports">Reports</Link>
            <form action="/sign-out" method="post">
              <button type="submit" className="button">
                Sign out
              </button>
            </form>
          </nav>
        ) : (
          <Link href="/sign-in" className="button">
            Sign in
          </Link>
        )}
      </header>
    </>
  );
}
