import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/server/auth/current-user";
import { hasVerification } from "@/lib/server/direct-debit/change-bank";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { readCustomer, readMandates } from "@/lib/server/portal-pages/reads";
import { isAmendableMandate, mandateTitle } from "@/lib/shared/billing/mandate-status";
import type { ChangeBankStep } from "@/lib/shared/billing/change-bank-steps";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { codeFirst } from "../../../_components/code-first";
import { PortalLink } from "../../../_components/navigation-pending";
import { ChangeBankFlow, type ChangeBankWords } from "./change-bank-flow";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ChangeBank");
  return { title: t("title") };
}

async function ChangeBankPage({ params, searchParams }: PageProps<"/portal/direct-debit/[id]/change-bank">) {
  const { id } = await params;
  if (!isResourceId(id)) notFound();
  const [customer, mandates] = await loadPortalPage(`/portal/direct-debit/${id}/change-bank`, (token) =>
    Promise.all([readCustomer(token), readMandates(token)]),
  );
  const mandate = mandates.data.find((candidate) => candidate.id === id);
  if (mandate === undefined) notFound();

  // Which step: a verification held for this mandate means the code was right; a step that went
  // through says the rest in the address (./actions.ts).
  const [search, user, t, directDebit] = await Promise.all([searchParams, currentUser(), getTranslations("ChangeBank"), getTranslations("DirectDebit")]);
  const account = mandateTitle(mandate, directDebit("bankAccount"));
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  const verified = user !== null && (await hasVerification(user, id));
  const step: ChangeBankStep = verified ? "details" : search.step === "code" ? "code" : "send";

  const email = customer.email;
  const words: ChangeBankWords = {
    stepSend: t("stepSend"),
    stepCode: t("stepCode"),
    stepDetails: t("stepDetails"),
    stepStopped: t("stepStopped"),
    sent: email ? t("sentTo", { email }) : t("sentToYou"),
    codeRight: t("codeRight"),
    sendIntro: email ? t.rich("sendIntro", { email, strong }) : t("sendIntroNoEmail"),
    sending: t("sending"),
    sendCode: t("sendCode"),
    codeLabel: t("codeLabel"),
    codeHint: email ? t("codeHint", { email }) : t("codeHintNoEmail"),
    checking: t("checking"),
    continue: t("continue"),
    sendNewCode: t("sendNewCode"),
    detailsHint: t("detailsHint"),
    holder: t("holder"),
    sortCode: t("sortCode"),
    sortCodeHint: t("sortCodeHint"),
    accountNumber: t("accountNumber"),
    accountNumberHint: t("accountNumberHint"),
    confirmLegend: t("confirmLegend"),
    confirmHolder: t("confirmHolder"),
    confirmSoleSignatory: t("confirmSoleSignatory"),
    changing: t("changing"),
    submit: t("submit"),
  };

  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p>
        {mandate.mandate_reference
          ? t.rich("forMandateWithReference", { account, reference: mandate.mandate_reference, strong })
          : t.rich("forMandate", { account, strong })}
      </p>
      <ChangeBankFlow
        mandateId={id}
        words={words}
        initialStep={step}
        arrived={search.step !== undefined}
        codeSent={step === "code" && search.sent === "1"}
        codeVerified={step === "details" && search.step === "details"}
        unavailable={
          isAmendableMandate(mandate)
            ? undefined
            : mandate.status === "cancelled"
              ? t("unavailableCancelled")
              : t("unavailablePending")
        }
        idempotencyKey={randomUUID()}
      />
      <p>
        <PortalLink href="/portal/direct-debit">{t("back")}</PortalLink>
      </p>
    </div>
  );
}

export default codeFirst(ChangeBankPage);
