import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/app/_components/language-switcher";
import { SiteHeader } from "@/app/_components/site-header";
import { publicEnv } from "@/lib/env/public";
import { clientMessages } from "@/lib/server/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  const brand = publicEnv.NEXT_PUBLIC_BRAND_NAME;
  return {
    title: { default: t("title", { brand }), template: t("titleTemplate", { brand, page: "%s" }) },
    description: t("description"),
  };
}

/** The namespaces client components outside the portal use (the portal's layout adds its own). */
const CLIENT_NAMESPACES = ["ErrorPage", "ManageBilling", "RetryCard"] as const;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), clientMessages(CLIENT_NAMESPACES)]);
  return (
    <html lang={locale}>
      <head>
        {/* Headless Chrome asks for the tab icon again after each client-side navigation and
            decodes it on the page's main thread: an SVG is a whole document to build each time, a
            PNG a small image. Not app/icon.*, which Next serves for revalidation on every
            request: next.config.mjs keeps this one a day. */}
        <link rel="icon" href="/icon.png" type="image/png" sizes="64x64" />
      </head>
      <body>
        <NextIntlClientProvider messages={messages}>
          <SiteHeader />
          {children}
          <footer className="site-footer">
            <LanguageSwitcher />
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
