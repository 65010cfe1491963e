// A portal form's answer when it comes back to its page by a redirect: which form on the page it
// is for, and either the code of its refusal or that it was done. The page says it in words beside
// that form. An address is something anyone can write, so only a known code is read back (an
// unknown one says nothing), and nothing but the code ever goes in: no secret, no message.
import { isPortalErrorCode, type PortalErrorCode } from "./error-codes";

export const FORM_PARAM = "form";
export const REFUSED_PARAM = "refused";
export const DONE_PARAM = "done";

/** Names a form on its page: lower-case letters, digits and dashes (an invoice's id may be one part). */
const FORM_NAME = /^[a-z0-9-]{1,80}$/;

export type FormAnswer = { form: string; refused: PortalErrorCode } | { form: string; done: true };

type Search = Record<string, string | string[] | undefined>;

/**
 * `page` (a path on this site, with or without a query) carrying `answer` for the form named
 * `form`; without any answer when `form` is not a form's name.
 */
export function pathWithAnswer(page: string, form: string, answer: { refused: PortalErrorCode } | "done"): string {
  const url = new URL(page, "http://local.invalid");
  for (const name of [FORM_PARAM, REFUSED_PARAM, DONE_PARAM]) url.searchParams.delete(name);
  if (!FORM_NAME.test(form)) return `${url.pathname}${url.search}`;
  url.searchParams.set(FORM_PARAM, form);
  if (answer === "done") url.searchParams.set(DONE_PARAM, "1");
  else url.searchParams.set(REFUSED_PARAM, answer.refused);
  return `${url.pathname}${url.search}`;
}

function one(value: string | string[] | undefined): string | null {
  return typeof value === "string" ? value : null;
}

/** The answer a page's address carries, or null: none, or one that is not well formed. */
export function formAnswer(search: Search): FormAnswer | null {
  const form = one(search[FORM_PARAM]);
  if (form === null || !FORM_NAME.test(form)) return null;
  const refused = one(search[REFUSED_PARAM]);
  if (refused !== null) return isPortalErrorCode(refused) ? { form, refused } : null;
  return one(search[DONE_PARAM]) === "1" ? { form, done: true } : null;
}

/** The refusal for the form named `form`, or null. */
export function refusalFor(answer: FormAnswer | null, form: string): PortalErrorCode | null {
  return answer !== null && answer.form === form && "refused" in answer ? answer.refused : null;
}
