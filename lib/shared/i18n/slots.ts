// A sentence translated on the server with a value the browser fills in later (a date in an
// answer, an error's words): the translation decides where the value goes, the browser only puts
// it there. Client components then need no message formatter in their scripts. A value that
// needs the language's plural forms is not one for a slot: translate it where the count is known.

const MARK = "\u0000";

/** What the server passes for value `name` when it translates the sentence. */
export function slot(name: string): string {
  return `${MARK}${name}${MARK}`;
}

/** The sentence with each slot given its value. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\u0000([^\u0000]+)\u0000/g, (whole, name: string) => values[name] ?? whole);
}
