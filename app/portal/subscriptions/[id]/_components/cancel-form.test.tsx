import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CancelFormOptions } from "@/lib/shared/billing/cancel-form-options";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { fill } from "@/lib/shared/i18n/slots";
import { cancelFormWordsIn, portalCopyIn } from "@/lib/testing/portal-copy-under-test";
import { PortalCopyProvider } from "../../../_components/portal-copy";
import { CancelFields } from "./cancel-fields";
import { CancelSubscription } from "./cancel-subscription";

const active: PortalSubscription = {
  id: "0b7f8e2c-4d7e-4c55-9a4f-5d2b1f0e7a11",
  object: "subscription",
  status: "active",
  currency: "GBP",
  amount_minor: 1200,
  interval: "month",
  interval_count: 1,
  current_period_start: "2026-11-01T00:00:00.000Z",
  current_period_end: "2026-12-01T00:00:00.000Z",
  trial_end: null,
  cancel_at: null,
  canceled_at: null,
  started_at: "2024-01-01T00:00:00.000Z",
  created_at: "2024-01-01T00:00:00.000Z",
};
const scheduled: PortalSubscription = { ...active, cancel_at: active.current_period_end };
const KEY = "5d1e7c2a-3b4f-4a6e-8c9d-0e1f2a3b4c5d";
const everything: CancelFormOptions = {
  cancelNow: true,
  reasons: [
    { value: "Too dear", label: "Too dear" },
    { value: "Not needed", label: "Not needed" },
  ],
  cancelComment: true,
};

const copy = await portalCopyIn("en");
const words = await cancelFormWordsIn("en");

const inEnglish = (node: ReactNode) => renderToStaticMarkup(<PortalCopyProvider copy={copy}>{node}</PortalCopyProvider>);

/** The fields as the server draws them for a browser without JavaScript. */
function form(options: CancelFormOptions, subscription = active): string {
  return inEnglish(<CancelFields subscription={subscription} locale="en-GB" options={options} words={words} idempotencyKey={KEY} />);
}

/** The values of the radio buttons in one group, in order, whatever order React writes attributes in. */
function radioValues(markup: string, name: string): string[] {
  return [...markup.matchAll(/<input [^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => tag.includes('type="radio"') && tag.includes(`name="${name}"`))
    .map((tag) => /value="([^"]*)"/.exec(tag)?.[1] ?? "");
}
const labelOf = (markup: string, tag: "legend" | "label", text: string) => markup.includes(`>${text}</${tag}>`);

describe("The cancel form under the merchant's options", () => {
  it("offers both endings, every reason and a comment box when everything is on", () => {
    const markup = form(everything);
    expect(radioValues(markup, "when")).toEqual(["period_end", "now"]);
    expect(radioValues(markup, "reason")).toEqual(["Too dear", "Not needed"]);
    expect(labelOf(markup, "legend", "Why are you leaving? (optional)")).toBe(true);
    expect(labelOf(markup, "label", "Anything else you&#x27;d like us to know? (optional)")).toBe(true);
    // Without JavaScript the sentence cannot follow the choice, so it holds for both.
    expect(markup).toContain("Either way, you won&#x27;t be charged again.");
  });

  it("only schedules the end when ending now is not offered", () => {
    const markup = form({ ...everything, cancelNow: false });
    expect(radioValues(markup, "when")).toEqual([]);
    expect(markup).toContain('<input type="hidden" name="when" value="period_end"/>');
    expect(markup).not.toContain("When should it end?");
    expect(markup).toContain("Your plan stays active until 1 December 2026.");
  });

  it("asks in the comment box alone when no reasons are listed", () => {
    const markup = form({ ...everything, reasons: [] });
    expect(radioValues(markup, "reason")).toEqual([]);
    expect(labelOf(markup, "label", "Why are you leaving? (optional)")).toBe(true);
    expect(markup).toContain('maxLength="500"');
  });

  it("offers only the listed reasons when the comment box is off", () => {
    const markup = form({ ...everything, cancelComment: false });
    expect(radioValues(markup, "reason")).toEqual(["Too dear", "Not needed"]);
    expect(markup).not.toContain("<textarea");
  });

  it("asks nothing about why when neither is offered", () => {
    const markup = form({ cancelNow: true, reasons: [], cancelComment: false });
    expect(markup).not.toContain("Why are you leaving");
    expect(markup).not.toContain("<textarea");
    expect(markup).toContain("Confirm cancellation");
  });

  it("shows each reason in the customer's words and sends the merchant's", () => {
    const markup = form({ ...everything, reasons: [{ value: "It costs too much", label: "C'est trop cher" }] });
    expect(radioValues(markup, "reason")).toEqual(["It costs too much"]);
    expect(markup).toContain("<span>C&#x27;est trop cher</span>");
  });

  it("counts the characters left, and says when the chosen reason leaves too few", async () => {
    expect(form(everything)).toContain(">0 of 500 characters</p>");
    expect(fill(words.tooMany, { count: "490", limit: "481" })).toBe("490 of 481 characters: too long for the reason you chose");
    expect(fill((await cancelFormWordsIn("ja")).characters, { count: "20", limit: "481" })).toBe("20／481文字");
  });

  it("speaks the customer's language", async () => {
    const markup = renderToStaticMarkup(
      <CancelFields subscription={active} locale="fr-FR" options={everything} words={await cancelFormWordsIn("fr")} idempotencyKey={KEY} />,
    );
    expect(markup).toContain("À la fin de la période en cours (1 décembre 2026)");
    expect(markup).toContain(">Confirmer la résiliation</button>");
  });
});

describe("The cancel section", () => {
  const section = (subscription: PortalSubscription, options: CancelFormOptions) =>
    inEnglish(
      <CancelSubscription
        subscription={subscription}
        locale="en-GB"
        options={options}
        words={words}
        idempotencyKey={KEY}
        plainFields={<CancelFields subscription={subscription} locale="en-GB" options={options} words={words} idempotencyKey={KEY} />}
        show={() => undefined}
      />,
    );

  it("offers to end a scheduled subscription now only when ending now is offered", () => {
    expect(section(scheduled, everything)).toContain(">End it now</h2>");
    expect(section(scheduled, { ...everything, cancelNow: false })).toBe("");
  });

  it("leaves the button that opens the form out of the server's HTML: it needs JavaScript", () => {
    const markup = section(active, { ...everything, cancelNow: false });
    expect(markup).toContain(">Cancel subscription</h2>");
    expect(markup).not.toContain(">Cancel subscription</button>");
    expect(markup).not.toContain("Keep subscription");
  });

  it("gives a browser without JavaScript the same form as plain HTML, with the key the page made for it", () => {
    const markup = section(active, everything);
    const plain = /<noscript>(.*)<\/noscript>/s.exec(markup)?.[1] ?? "";
    expect(plain).toMatch(/^<form [^>]*aria-label="Confirm cancellation"/);
    expect(plain).toMatch(new RegExp(`<input type="hidden" name="idempotencyKey" value="${KEY}"/>`));
    expect(plain).toMatch(new RegExp(`<input type="hidden" name="subscriptionId" value="${active.id}"/>`));
    expect(radioValues(plain, "when")).toEqual(["period_end", "now"]);
  });

  it("tells a scheduled subscription's plain form to end it now", () => {
    const plain = /<noscript>(.*)<\/noscript>/s.exec(section(scheduled, everything))?.[1] ?? "";
    expect(plain).toContain('<input type="hidden" name="when" value="now"/>');
    expect(plain).toContain("Your plan ends now.");
  });
});
