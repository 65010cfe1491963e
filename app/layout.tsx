import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/app/_components/site-header";
import { publicEnv } from "@/lib/env/public";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: `${publicEnv.NEXT_PUBLIC_BRAND_NAME} billing`, template: `%s · ${publicEnv.NEXT_PUBLIC_BRAND_NAME} billing` },
  description: "Manage your subscriptions and invoices.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SiteHeader />
        {children}
      </body>
    </html>
  );
}
