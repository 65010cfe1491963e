import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { directDebitWords } from "@/lib/server/i18n/direct-debit-words";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { readCustomer, readMandates } from "@/lib/server/portal-pages/reads";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import { listBody } from "@/lib/shared/portal-api/payloads";
import { codeFirst } from "../_components/code-first";
import { PortalSWRConfig } from "../_components/portal-swr-config";
import { MandateList } from "./_components/mandate-list";
import { OutcomeNotice } from "./_components/outcome-notice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DirectDebit");
  return { title: t("title") };
}

async function DirectDebitPage({ searchParams }: PageProps<"/portal/direct-debit">) {
  // Answers 404 where the merchant does not offer Direct Debit here (load-portal-page.ts).
  const [customer, mandates] = await loadPortalPage("/portal/direct-debit", (token) => Promise.all([readCustomer(token), readMandates(token)]));
  const [search, t, words] = await Promise.all([searchParams, getTranslations("DirectDebit"), directDebitWords()]);
  return (
    <PortalSWRConfig fallback={{ [portalKeys.mandates()]: listBody(mandates) }}>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <OutcomeNotice search={search} text={t("changed")} />
      {/* A key per mandate and render: its cancel form sends it, so a double submit cancels once. */}
      <MandateList words={words} locale={customerLocale(customer.locale)} idempotencyKeys={Object.fromEntries(mandates.data.map((mandate) => [mandate.id, randomUUID()]))} />
    </PortalSWRConfig>
  );
}

export default codeFirst(DirectDebitPage);
