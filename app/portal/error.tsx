"use client";

import { useTranslations } from "next-intl";
import { RetryCard } from "../_components/retry-card";

/** Upstream failures while a portal page loads land here. */
export default function PortalError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("ErrorPage");
  return (
    <RetryCard testId="portal-error" title={t("portalTitle")} retry={retry}>
      {t("portalBody")}
    </RetryCard>
  );
}
