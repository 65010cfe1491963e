"use client";
// The portal's words for its client components, translated by the server (portal layout) and
// read here as plain strings: no message formatter rides along in the pages' scripts.

import { createContext, useContext, type ReactNode } from "react";
import type { PortalCopy } from "@/lib/shared/i18n/portal-copy";

const Copy = createContext<PortalCopy | null>(null);

export function PortalCopyProvider({ copy, children }: { copy: PortalCopy; children: ReactNode }) {
  return <Copy value={copy}>{children}</Copy>;
}

export function usePortalCopy(): PortalCopy {
  const copy = useContext(Copy);
  // Only the portal's layout provides it; every page's scripts carry this, so the message is short.
  if (copy === null) throw new Error("No PortalCopyProvider");
  return copy;
}
