import Link from "next/link";
import { serverEnv } from "@/lib/env/server";
import { publicEnv } from "@/lib/env/public";
import { getTranslations } from "next-intl/server";
import { displayedUser } from "@/lib/server/auth/current-user";

/** The banner's message for each mode: none when live. */
const MODE_NOTICE = { sandbox: "sandboxBanner", test: "testBanner", live: null } as const;

export async function SiteHeader() {
  const [user, t] = await Promise.all([displayedUser(), getTranslations("SiteHeader")]);
  const notice = MODE_NOTICE[serverEnv().mode];
  return (
    <>
      {notice && (
        <p className="mode-banner" data-testid="mode-banner">
          {t(notice)}
        </p>
      )}
      <header className="site-header">
        <Link href="/" className="brand">
          {publicEnv.NEXT_PUBLIC_BRAND_NAME}
        </Link>
        {user ? (
          <nav aria-label={t("account")} className="site-nav">
            <Link href="/reports">{t("reports")}</Link>
            <form action="/sign-out" method="post">
              <button type="submit" className="button">
                {t("signOut")}
              </button>
            </form>
          </nav>
        ) : (
          <Link href="/sign-in" className="button">
            {t("signIn")}
          </Link>
        )}
      </header>
    </>
  );
}
