// A value a message may not have (an invoice without a number, a card without a brand) is passed
// as NONE, and the message's `{value, select, none {…} other {…}}` says it in its own language:
// the words for "an invoice" or "a card" are the translation's, never the caller's.
export const NONE = "none";

export function orNone(value: string | null | undefined): string {
  return value || NONE;
}
