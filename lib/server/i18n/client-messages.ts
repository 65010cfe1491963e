import "server-only";
// Client components get only the messages they use: each layout hands its own namespaces to
// NextIntlClientProvider, never the whole file (that would ride along with every page).
import type { Messages } from "next-intl";
import { getMessages } from "next-intl/server";

export async function clientMessages<N extends keyof Messages>(namespaces: readonly N[]): Promise<Pick<Messages, N>> {
  const messages = await getMessages();
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]])) as Pick<Messages, N>;
}
