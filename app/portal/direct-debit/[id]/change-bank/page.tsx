import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { currentUser } from "@/lib/server/auth/current-user";
import { hasVerification } from "@/lib/server/direct-debit/change-bank";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { readCustomer, readMandates } from "@/lib/server/portal-pages/reads";
import { isAmendableMandate, mandateTitle } from "@/lib/shared/billing/mandate-status";
import { stepAfterRefusal, type ChangeBankStep } from "@/lib/shared/billing/change-bank-steps";
import { isPortalErrorCode, portalErrorCodes } from "@/lib/shared/portal-api/errors";
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

  // Which step: a verification held for this mandate means the code was right; the plain forms
  // say the rest in the address (app/portal/direct-debit/[id]/change-bank/actions.ts).
  const search = await searchParams;
  const user = await currentUser();
  const verified = user !== null && (await hasVerification(user, id));
  const problem = isPortalErrorCode(search.problem) ? search.problem : undefined;
  const asked: ChangeBankStep = verified ? "details" : search.step === "code" ? "code" : "send";
  const step = problem ? stepAfterRefusal(problem, asked) : asked;

  return (
    <div className="stack">
      <h1>Change bank account</h1>
      <p>
        For the Direct Debit from <strong>{mandateTitle(mandate)}</strong>
        {mandate.mandate_reference ? `, reference ${mandate.mandate_reference}` : ""}.
      </p>
      {isAmendableMandate(mandate) || problem ? (
        <ChangeBankFlow
          mandateId={id}
          email={customer.email}
          initialStep={step}
          initialProblem={problem && portalErrorCodes[problem].message}
          codeSent={search.sent === "1"}
          idempotencyKey={randomUUID()}
        />
      ) : (
        <p className="notice" data-testid="change-bank-unavailable">
          {mandate.status === "cancelled"
            ? "This Direct Debit is cancelled, so its bank account can't be changed."
            : "The bank account of this Direct Debit can't be changed right now: a change is still being confirmed with your bank."}
        </p>
      )}
      <p>
        <PortalLink href="/portal/direct-debit">Back to Direct Debit</PortalLink>
      </p>
    </div>
  );
}
