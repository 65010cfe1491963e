import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { currentUser } from "@/lib/server/auth/current-user";
import { hasVerification } from "@/lib/server/direct-debit/change-bank";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { readCustomer, readMandates } from "@/lib/server/portal-pages/reads";
import { isAmendableMandate, mandateTitle } from "@/lib/shared/billing/mandate-status";
import type { ChangeBankStep } from "@/lib/shared/billing/change-bank-steps";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { PortalLink } from "../../../_components/navigation-pending";
import { ChangeBankFlow } from "./change-bank-flow";

export const metadata: Metadata = { title: "Change bank account" };

export default async function ChangeBankPage({ params, searchParams }: PageProps<"/portal/direct-debit/[id]/change-bank">) {
  const { id } = await params;
  if (!isResourceId(id)) notFound();
  const [customer, mandates] = await loadPortalPage(`/portal/direct-debit/${id}/change-bank`, (token) =>
    Promise.all([readCustomer(token), readMandates(token)]),
  );
  const mandate = mandates.data.find((candidate) => candidate.id === id);
  if (mandate === undefined) notFound();

  // Which step: a verification held for this mandate means the code was right; a step that went
  // through says the rest in the address (./actions.ts).
  const search = await searchParams;
  const user = await currentUser();
  const verified = user !== null && (await hasVerification(user, id));
  const step: ChangeBankStep = verified ? "details" : search.step === "code" ? "code" : "send";

  return (
    <div className="stack">
      <h1>Change bank account</h1>
      <p>
        For the Direct Debit from <strong>{mandateTitle(mandate)}</strong>
        {mandate.mandate_reference ? `, reference ${mandate.mandate_reference}` : ""}.
      </p>
      <ChangeBankFlow
        mandateId={id}
        email={customer.email}
        initialStep={step}
        arrived={search.step !== undefined}
        codeSent={step === "code" && search.sent === "1"}
        codeVerified={step === "details" && search.step === "details"}
        unavailable={
          isAmendableMandate(mandate)
            ? undefined
            : mandate.status === "cancelled"
              ? "This Direct Debit is cancelled, so its bank account can't be changed."
              : "The bank account of this Direct Debit can't be changed right now: a change is still being confirmed with your bank."
        }
        idempotencyKey={randomUUID()}
      />
      <p>
        <PortalLink href="/portal/direct-debit">Back to Direct Debit</PortalLink>
      </p>
    </div>
  );
}
