"use client";

import type { ReactNode } from "react";
import { SWRConfig } from "swr";
import { portalFetcher } from "@/lib/browser/portal-fetcher";

/**
 * Hands a page's server reads to SWR under the API URLs the hooks ask for. The page already has
 * the data, so hooks do not fetch on mount; they revalidate when the tab regains focus.
 */
export function PortalSWRConfig({ fallback, children }: { fallback: Record<string, unknown>; children: ReactNode }) {
  return (
    <SWRConfig value={{ fallback, fetcher: portalFetcher, revalidateOnMount: false, revalidateOnFocus: true }}>
      {children}
    </SWRConfig>
  );
}
