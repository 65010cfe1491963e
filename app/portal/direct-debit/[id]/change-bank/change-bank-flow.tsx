"use client";

import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { BANK_FIELDS, CONFIRMED } from "@/lib/shared/billing/bank-details-form";
import { stepAfterRefusal, type ChangeBankStep } from "@/lib/shared/billing/change-bank-steps";
import { IDLE, type ActionState } from "@/lib/shared/portal-api/action-state";
import { OutcomeStatus } from "../../../_components/outcome-status";
import { useIntentKey } from "../../../_components/use-intent-key";
import { useScriptedSubmit } from "../../../_components/use-scripted-submit";
import { changeBankAction, sendCodeAction, verifyCodeAction } from "./actions";

/** A refusal's words come from the server; the flow's own notices are its words' keys. */
type Message = { tone: "error"; text: string } | { tone: "info"; notice: "sent" | "codeRight" } | null;

/**
 * The flow's words, translated by the page for the customer's e-mail address: the page's scripts
 * carry no message formatter (docs/customizing.md).
 */
export type ChangeBankWords = {
  stepSend: string;
  stepCode: string;
  stepDetails: string;
  stepStopped: string;
  /** Where the code was sent. */
  sent: string;
  codeRight: string;
  sendIntro: ReactNode;
  sending: string;
  sendCode: string;
  codeLabel: string;
  codeHint: string;
  checking: string;
  continue: string;
  sendNewCode: string;
  detailsHint: string;
  holder: string;
  sortCode: string;
  sortCodeHint: string;
  accountNumber: string;
  accountNumberHint: string;
  confirmLegend: string;
  confirmHolder: string;
  confirmSoleSignatory: string;
  changing: string;
  submit: string;
};

type ChangeBankFlowProps = {
  words: ChangeBankWords;
  mandateId: string;
  /** Where the change stands, from the address and the verification cookie. */
  initialStep: ChangeBankStep;
  /** A step went through and the page came back for the next one: its heading takes the focus. */
  arrived: boolean;
  codeSent: boolean;
  codeVerified: boolean;
  /** Why no change can start here, when none can: said unless a step's answer is to be shown. */
  unavailable?: string;
  /** For the new details: one intent, one key, however often they are sent (a correction is a new intent). */
  idempotencyKey: string;
};

const STEP_TITLES = { send: "stepSend", code: "stepCode", details: "stepDetails", stopped: "stepStopped" } as const satisfies Record<ChangeBankStep, string>;

type View = { step: ChangeBankStep; message: Message };
type Answers = readonly [ActionState<never>, ActionState<never>, ActionState<never>];

/** A refusal shown where it leaves the customer; a step that went through redirects instead. */
function afterAnswer(answer: ActionState<never> | undefined, from: View): View {
  if (answer?.status !== "failed") return from;
  return { step: stepAfterRefusal(answer.code, from.step), message: { tone: "error", text: answer.message } };
}

/**
 * The three steps of a change of bank account, each a server action: a plain form without
 * JavaScript, sent by script with it. A step that goes through redirects to the page for the
 * next; a refusal is the action's answer, shown here. The verification token never reaches this
 * component: the server keeps it in a sealed cookie. The bank details live only in the form's
 * inputs until they are sent.
 */
export function ChangeBankFlow({ words, mandateId, initialStep, arrived, codeSent, codeVerified, unavailable, idempotencyKey }: ChangeBankFlowProps) {
  const ids = useId();
  const [sendState, sendCode, sending] = useActionState(sendCodeAction, IDLE);
  const [verifyState, verifyCode, verifying] = useActionState(verifyCodeAction, IDLE);
  const [changeState, changeBank, changing] = useActionState(changeBankAction, IDLE);
  const pending = sending || verifying || changing;
  const answers: Answers = [sendState, verifyState, changeState];
  const sendForm = useScriptedSubmit(sendCode, sending);
  const verifyForm = useScriptedSubmit(verifyCode, verifying);
  const changeForm = useScriptedSubmit(changeBank, changing);
  const detailsKey = useIntentKey(idempotencyKey);

  const start: View = {
    step: initialStep,
    message: codeSent ? { tone: "info", notice: "sent" } : codeVerified ? { tone: "info", notice: "codeRight" } : null,
  };
  // Without JavaScript the page is rendered with the one answer there is; with it, the latest
  // answer moves the view on from where it stood.
  const [view, setView] = useState<View>(() => afterAnswer(answers.find((answer) => answer.status !== "idle"), start));
  const [seen, setSeen] = useState<Answers>(answers);
  const changed = answers.find((answer, index) => answer !== seen[index]);
  if (changed !== undefined) {
    setSeen(answers);
    setView(afterAnswer(changed, view));
  }

  const heading = useRef<HTMLHeadingElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const firstRender = useRef(true);

  // Keyboard and screen-reader users land on each new step, which announces its name.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      if (!arrived) return;
    }
    heading.current?.focus();
  }, [view.step, arrived]);

  // A refused code is typed afresh.
  useEffect(() => {
    if (verifyState.status === "failed" && codeInput.current) codeInput.current.value = "";
  }, [verifyState]);

  const step = view.step;
  const message = view.message;
  const messageText =
    message === null ? null : message.tone === "error" ? message.text : message.notice === "codeRight" ? words.codeRight : words.sent;
  if (unavailable && answers.every((answer) => answer.status === "idle")) {
    return (
      <p className="notice" data-testid="change-bank-unavailable">
        {unavailable}
      </p>
    );
  }

  return (
    <section className="card stack" aria-labelledby={`${ids}-step`} data-testid="change-bank">
      <h2 id={`${ids}-step`} ref={heading} tabIndex={-1}>
        {words[STEP_TITLES[step]]}
      </h2>
      <OutcomeStatus testId="change-bank-message" tone={message?.tone ?? null}>
        {messageText}
      </OutcomeStatus>

      {step === "send" && (
        <form action={sendCode} onSubmit={(event) => sendForm.submit(event)} className="stack">
          <input type="hidden" name="mandateId" value={mandateId} />
          <p>{words.sendIntro}</p>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
              {pending ? words.sending : words.sendCode}
            </button>
          </div>
        </form>
      )}

      {step === "code" && (
        <>
          <form action={verifyCode} onSubmit={(event) => verifyForm.submit(event)} className="stack">
            <input type="hidden" name="mandateId" value={mandateId} />
            <div className="field">
              <label htmlFor={`${ids}-code`}>{words.codeLabel}</label>
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
                {words.codeHint}
              </p>
            </div>
            <div className="actions">
              <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
                {pending ? words.checking : words.continue}
              </button>
            </div>
          </form>
          <form action={sendCode} onSubmit={(event) => sendForm.submit(event)}>
            <input type="hidden" name="mandateId" value={mandateId} />
            <button type="submit" className="button-link" disabled={pending}>
              {words.sendNewCode}
            </button>
          </form>
        </>
      )}

      {step === "details" && (
        <form
          action={changeBank}
          onSubmit={(event) => changeForm.submit(event, detailsKey.sending)}
          onChange={detailsKey.edited}
          className="stack"
          aria-describedby={`${ids}-details-hint`}
        >
          <input type="hidden" name="mandateId" value={mandateId} />
          <input type="hidden" name="idempotencyKey" value={detailsKey.key} />
          <p id={`${ids}-details-hint`} className="muted">
            {words.detailsHint}
          </p>
          <div className="field">
            <label htmlFor={`${ids}-holder`}>{words.holder}</label>
            <input id={`${ids}-holder`} name={BANK_FIELDS.holder} autoComplete="name" maxLength={100} required />
          </div>
          <DigitsField
            id={`${ids}-sort-code`}
            name={BANK_FIELDS.sortCode}
            label={words.sortCode}
            pattern="\s*\d{2}[\- ]?\d{2}[\- ]?\d{2}\s*"
            hint={words.sortCodeHint}
          />
          <DigitsField id={`${ids}-account-number`} name={BANK_FIELDS.accountNumber} label={words.accountNumber} pattern="\s*\d{8}\s*" hint={words.accountNumberHint} />
          <fieldset className="choices">
            <legend>{words.confirmLegend}</legend>
            <label className="choice">
              <input type="checkbox" name={BANK_FIELDS.confirmHolder} value={CONFIRMED} required />
              <span>{words.confirmHolder}</span>
            </label>
            <label className="choice">
              <input type="checkbox" name={BANK_FIELDS.confirmSoleSignatory} value={CONFIRMED} required />
              <span>{words.confirmSoleSignatory}</span>
            </label>
          </fieldset>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
              {pending ? words.changing : words.submit}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * A bank number (sort code, account number): a number pad on phones, and, as on banks' own sites,
 * neither remembered by the browser nor spell-checked.
 */
function DigitsField({ id, name, label, pattern, hint }: { id: string; name: string; label: string; pattern: string; hint: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        pattern={pattern}
        maxLength={10}
        required
        aria-describedby={`${id}-hint`}
        className="input-short"
      />
      <p id={`${id}-hint`} className="muted field-hint">
        {hint}
      </p>
    </div>
  );
}
