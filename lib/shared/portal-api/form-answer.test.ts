import { describe, expect, it } from "vitest";
import { formAnswer, pathWithAnswer, refusalFor } from "./form-answer";

const INVOICE = "0b6f3c52-8a0e-4b8e-9d6c-3f1e2a4b5c6d";

describe("a form's answer in its page's address", () => {
  it("goes back as the refusal's code for the named form, and is read back the same", () => {
    const path = pathWithAnswer("/portal", `pay-due-${INVOICE}`, { refused: "upstream:unavailable" });
    expect(path).toBe(`/portal?form=pay-due-${INVOICE}&refused=upstream%3Aunavailable`);
    const search = Object.fromEntries(new URL(path, "http://x").searchParams);
    expect(formAnswer(search)).toEqual({ form: `pay-due-${INVOICE}`, refused: "upstream:unavailable" });
    expect(refusalFor(formAnswer(search), `pay-due-${INVOICE}`)).toBe("upstream:unavailable");
    expect(refusalFor(formAnswer(search), `pay-table-${INVOICE}`)).toBeNull();
  });

  it("keeps the page's own query and replaces an earlier answer", () => {
    const first = pathWithAnswer("/portal/invoices?limit=50&starting_after=x", "pay-table-a", { refused: "invoice:void" });
    expect(pathWithAnswer(first, "keep", "done")).toBe("/portal/invoices?limit=50&starting_after=x&form=keep&done=1");
  });

  it("carries no answer for a form name that is not one", () => {
    expect(pathWithAnswer("/portal?form=keep&done=1", "a b", { refused: "invoice:void" })).toBe("/portal");
  });

  it("says that a form was done", () => {
    expect(formAnswer({ form: "keep", done: "1" })).toEqual({ form: "keep", done: true });
  });

  it.each([
    ["no answer", {}],
    ["an unknown code", { form: "keep", refused: "invoice:free_money" }],
    ["a message instead of a code", { form: "keep", refused: "Your card was charged twice" }],
    ["a form name that is not one", { form: "<script>", refused: "invoice:void" }],
    ["a repeated parameter", { form: "keep", refused: ["invoice:void", "invoice:void"] }],
    ["done with another value", { form: "keep", done: "yes" }],
  ])("reads nothing from %s", (_name, search: Record<string, string | string[]>) => {
    expect(formAnswer(search)).toBeNull();
  });
});
