"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { PortalFetchError, portalRequest } from "@/lib/browser/portal-fetcher";
import { BANK_FIELDS, CONFIRMED, bankDetailsFromForm } from "@/lib/shared/billing/bank-details-form";
import { stepAfterRefusal, type ChangeBankStep } from "@/lib/shared/billing/change-bank-steps";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import { requestChangeCode, submitChangeCode, submitNewBankDetails } from "./actions";

type Message = { tone: "info" | "error"; text: string } | null;

type ChangeBankFlowProps = {
  mandateId: string;
  email: string | null;
  initialStep: ChangeBankStep;
  /** A refusal a plain form came back with, in words: the server has the messages, the browser only the codes. */
  initialProblem?: string;
  codeSent: boolean;
  /** For the plain form; with JavaScript each intent gets its own. */
  idempotencyKey: string;
};

const STEP_TITLES: Record<ChangeBankStep, string> = {
  send: "Step 1 of 3: Confirm it's you",
  code: "Step 2 of 3: Enter your code",
  details: "Step 3 of 3: Your new bank account",
  stopped: "Where your change stands",
};

function sentTo(email: string | null): string {
  return email ? `We've e-mailed a 6-digit code to ${email}.` : "We've e-mailed you a 6-digit code.";
}

/**
 * The three steps of a change of bank account. Every form also works as a plain form (its action
 * is a server action); with JavaScript each step calls the app's API instead and stays on the
 * page. The verification token never reaches this component: the server keeps it in a sealed
 * cookie. The bank details live only in the form's inputs until they are sent.
 */
export function ChangeBankFlow({ mandateId, email, initialStep, initialProblem, codeSent, idempotencyKey }: ChangeBankFlowProps) {
  const router = useRouter();
  const ids = useId();
  const [step, setStep] = useState<ChangeBankStep>(initialStep);
  const [message, setMessage] = useState<Message>(
    initialProblem ? { tone: "error", text: initialProblem } : codeSent ? { tone: "info", text: sentTo(email) } : null,
  );
  const [pending, setPending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const inFlight = useRef(false);
  const intent = useRef<{ body: string; key: string } | null>(null);
  const firstRender = useRef(true);

  // Keyboard and screen-reader users land on each new step, which announces its name.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  async function run(call: () => Promise<void>, current: ChangeBankStep): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    try {
      await call();
    } catch (error) {
      setMessage({ tone: "error", text: error instanceof PortalFetchError ? error.message : "Something went wrong. Please try again." });
      if (error instanceof PortalFetchError) setStep(stepAfterRefusal(error.code, current));
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  function sendCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const from = step;
    void run(async () => {
      await portalRequest(portalKeys.sendMandateCode(mandateId), { method: "POST" });
      setMessage({ tone: "info", text: sentTo(email) });
      setStep("code");
      if (from === "code" && codeInput.current) codeInput.current.value = "";
    }, from);
  }

  function verifyCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    void run(async () => {
      try {
        await portalRequest(portalKeys.verifyMandateCode(mandateId), {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ code }),
        });
      } catch (error) {
        if (codeInput.current) codeInput.current.value = "";
        throw error;
      }
      setMessage({ tone: "info", text: "Thank you, that's the right code. Now enter your new bank details." });
      setStep("details");
    }, "code");
  }

  function changeBank(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = JSON.stringify(bankDetailsFromForm(new FormData(event.currentTarget)));
    // One key per intent: the same details sent again reuse it; corrected details are a new intent.
    if (intent.current?.body !== body) intent.current = { body, key: crypto.randomUUID() };
    const key = intent.current.key;
    void run(async () => {
      await portalRequest(portalKeys.changeMandateBank(mandateId), {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": key },
        body,
      });
      intent.current = null;
      router.push("/portal/direct-debit?outcome=changed");
    }, "details");
  }

  return (
    <section className="card stack" aria-labelledby={`${ids}-step`} data-testid="change-bank">
      <h2 id={`${ids}-step`} ref={heading} tabIndex={-1}>
        {STEP_TITLES[step]}
      </h2>
      <div
        role="status"
        aria-live="polite"
        data-testid="change-bank-message"
        className={message ? (message.tone === "error" ? "notice notice-error" : "notice") : undefined}
      >
        {message?.text}
      </div>

      {step === "send" && (
        <form action={requestChangeCode} onSubmit={sendCode} className="stack">
          <input type="hidden" name="mandateId" value={mandateId} />
          <input type="hidden" name="step" value="send" />
          <p>
            To keep your account safe, we first e-mail a 6-digit code to {email ? <strong>{email}</strong> : "the address on your account"}. It is
            valid for 10 minutes.
          </p>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
              {pending ? "Sending…" : "Send code"}
            </button>
          </div>
        </form>
      )}

      {step === "code" && (
        <>
          <form action={submitChangeCode} onSubmit={verifyCode} className="stack">
            <input type="hidden" name="mandateId" value={mandateId} />
            <div className="field">
              <label htmlFor={`${ids}-code`}>6-digit code</label>
              <input
                ref={codeInput}
                id={`${ids}-code`}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="\s*\d{6}\s*"
                maxLength={8}
                required
                aria-describedby={`${ids}-code-hint`}
                className="input-short"
              />
              <p id={`${ids}-code-hint`} className="muted field-hint">
                From the e-mail we sent{email ? ` to ${email}` : ""}. It is valid for 10 minutes.
              </p>
            </div>
            <div className="actions">
              <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
                {pending ? "Checking…" : "Continue"}
              </button>
            </div>
          </form>
          <form action={requestChangeCode} onSubmit={sendCode}>
            <input type="hidden" name="mandateId" value={mandateId} />
            <input type="hidden" name="step" value="code" />
            <button type="submit" className="button-link" disabled={pending}>
              Send a new code
            </button>
          </form>
        </>
      )}

      {step === "details" && (
        <form action={submitNewBankDetails} onSubmit={changeBank} className="stack" aria-describedby={`${ids}-details-hint`}>
          <input type="hidden" name="mandateId" value={mandateId} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <p id={`${ids}-details-hint`} className="muted">
            Your payments will be collected from this account from now on. UK bank accounts only.
          </p>
          <div className="field">
            <label htmlFor={`${ids}-holder`}>Account holder name</label>
            <input id={`${ids}-holder`} name={BANK_FIELDS.holder} autoComplete="name" maxLength={100} required />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-sort-code`}>Sort code</label>
            <input
              id={`${ids}-sort-code`}
              name={BANK_FIELDS.sortCode}
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              pattern="\s*\d{2}[\- ]?\d{2}[\- ]?\d{2}\s*"
              maxLength={10}
              required
              aria-describedby={`${ids}-sort-code-hint`}
              className="input-short"
            />
            <p id={`${ids}-sort-code-hint`} className="muted field-hint">
              6 digits, for example 12-34-56
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-account-number`}>Account number</label>
            <input
              id={`${ids}-account-number`}
              name={BANK_FIELDS.accountNumber}
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              pattern="\s*\d{8}\s*"
              maxLength={10}
              required
              aria-describedby={`${ids}-account-number-hint`}
              className="input-short"
            />
            <p id={`${ids}-account-number-hint`} className="muted field-hint">
              8 digits
            </p>
          </div>
          <fieldset className="choices">
            <legend>Please confirm</legend>
            <label className="choice">
              <input type="checkbox" name={BANK_FIELDS.confirmHolder} value={CONFIRMED} required />
              <span>I am the holder of this account.</span>
            </label>
            <label className="choice">
              <input type="checkbox" name={BANK_FIELDS.confirmSoleSignatory} value={CONFIRMED} required />
              <span>I am the only person needed to authorise Direct Debits from this account.</span>
            </label>
          </fieldset>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
              {pending ? "Changing…" : "Change bank account"}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
