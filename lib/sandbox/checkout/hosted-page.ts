// RevKeen's hosted checkout page, as the sandbox plays it at a session's `url`: what is being paid
// and to whom, and three plain-form buttons: "Pay" (succeeds), "Pay with a card that is declined"
// (fails; try again) and "Cancel" (back to the cancel address). It acts only on the session its
// URL's token opens, refuses a POST another site started, and pays a session once however often
// the button is pressed.
import { payCheckout, declineCheckout } from "../data/checkout-payments";
import { CHECKOUT_PAGE_PATH, sessionByPageToken } from "../data/checkout-sessions";
import type { SandboxContext } from "../entry/context";
import type { CheckoutSessionRecord } from "../data/records";
import { readBodyText } from "../http/request-input";
import type { Reply } from "../http/reply";
import { SANDBOX_MERCHANT_NAME } from "../data/seed";
import { settle } from "../data/time-passes";
import { escapeHtml, htmlPage, pageHeaders } from "./page-html";

const PAGE_TOKEN = /^cst_[A-Za-z0-9_-]{43}$/;
const ACTIONS = ["pay", "decline", "cancel"] as const;
type Action = (typeof ACTIONS)[number];

export function isCheckoutPagePath(pathname: string): boolean {
  return pathname.startsWith(CHECKOUT_PAGE_PATH);
}

function originOf(address: string | null): string[] {
  if (address === null) return [];
  try {
    return [new URL(address).origin];
  } catch {
    return [];
  }
}

function returnOrigins(session: CheckoutSessionRecord): string[] {
  return [...originOf(session.successUrl), ...originOf(session.cancelUrl)];
}

function seeOther(location: string, session: CheckoutSessionRecord): Reply {
  return { status: 303, headers: { ...pageHeaders(returnOrigins(session)), location }, body: "" };
}

function message(status: number, title: string, text: string, link?: { href: string; label: string }): Reply {
  const action = link ? `\n<p><a class="link" href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : "";
  return htmlPage({ status, title, body: `<p>${escapeHtml(text)}</p>${action}` });
}

function notFound(): Reply {
  return message(404, "This checkout link is not valid", "Check the link, or go back to the merchant and start again.");
}

/** The amount in the customer's own locale: ¥980 for Kenji, 30,00 € for Émilie, £30.00 for Ada. */
function formatAmount(amountMinor: number, currency: string, locale: string): string {
  try {
    const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amountMinor / 10 ** digits);
  } catch {
    return `${amountMinor} ${currency} (minor units)`;
  }
}

function checkoutForm(context: SandboxContext, session: CheckoutSessionRecord, pathname: string, declined: boolean): Reply {
  const customer = session.customerId === null ? undefined : context.state.customers.get(session.customerId);
  const invoice = session.invoiceId === null ? undefined : context.state.invoices.get(session.invoiceId)?.invoice;
  const amount = formatAmount(session.amountMinor, session.currency, customer?.locale ?? "en-GB");
  const rows = [
    invoice?.invoice_number ? ["Invoice", invoice.invoice_number] : null,
    customer?.name ? ["Billed to", customer.name] : null,
    ["Amount due", amount],
  ].filter((row): row is string[] => row !== null);
  const details = rows
    .map(([term, value], index) => `<dt>${escapeHtml(term ?? "")}</dt><dd${index === rows.length - 1 ? ' class="amount"' : ""}>${escapeHtml(value ?? "")}</dd>`)
    .join("");
  const alert = declined
    ? '<p class="alert" role="alert">Your card was declined, and nothing was taken. Try again, or use another card.</p>\n'
    : "";
  const body = [
    `<dl>${details}</dl>`,
    alert + `<form method="post" action="${escapeHtml(pathname)}">`,
    '<button type="submit" name="action" value="pay">Pay</button>',
    '<button type="submit" name="action" value="decline">Pay with a card that is declined</button>',
    '<button type="submit" name="action" value="cancel">Cancel</button>',
    "</form>",
  ].join("\n");
  return htmlPage({ status: declined ? 402 : 200, title: `Pay ${SANDBOX_MERCHANT_NAME}`, body, formTargets: returnOrigins(session) });
}

function complete(session: CheckoutSessionRecord): Reply {
  const link = session.successUrl ? { href: session.successUrl, label: `Return to ${SANDBOX_MERCHANT_NAME}` } : undefined;
  return message(409, "This payment is complete", "It has been paid, and will not be taken again.", link);
}

function expired(session: CheckoutSessionRecord): Reply {
  const back = session.cancelUrl ?? session.successUrl;
  const link = back ? { href: back, label: `Return to ${SANDBOX_MERCHANT_NAME}` } : undefined;
  return message(410, "This checkout has expired", "Nothing was taken. Go back to the merchant to pay again.", link);
}

/**
 * Sec-Fetch-Site, else Origin, naming a site other than the page's own. The page sends no referrer,
 * so a browser posts its form with `Origin: null`: that passes only beside Sec-Fetch-Site:
 * same-origin, which a page cannot forge.
 */
function fromAnotherSite(request: Request, session: CheckoutSessionRecord): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  if (origin === "null") return site !== "same-origin";
  return originOf(session.url)[0] !== origin;
}

async function readAction(request: Request): Promise<Action | null> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return null;
  const value = new URLSearchParams(await readBodyText(request)).get("action");
  return ACTIONS.find((action) => action === value) ?? null;
}

async function act(context: SandboxContext, request: Request, session: CheckoutSessionRecord, pathname: string): Promise<Reply> {
  if (fromAnotherSite(request, session)) {
    return message(403, "This request was refused", "The checkout answers only its own page. Nothing was taken.");
  }
  const action = await readAction(request);
  // Read after the body: whatever another press did meanwhile is seen here.
  if (action === null) return message(400, "This request was not understood", "Use the page's buttons. Nothing was taken.");
  if (session.status === "complete") {
    // A second press of "Pay" ends where the first did.
    return session.successUrl ? seeOther(session.successUrl, session) : complete(session);
  }
  if (session.status === "expired") return expired(session);
  if (action === "decline") {
    declineCheckout(context, session);
    return checkoutForm(context, session, pathname, true);
  }
  if (action === "cancel") {
    return session.cancelUrl ? seeOther(session.cancelUrl, session) : message(200, "Payment cancelled", "Nothing was taken. You can close this page.");
  }
  if (payCheckout(context, session) === "nothing_owed") {
    return message(409, "There is nothing left to pay", "This invoice was settled or voided elsewhere, so nothing was taken.");
  }
  return session.successUrl ? seeOther(session.successUrl, session) : message(200, "Payment received", `Thank you: ${SANDBOX_MERCHANT_NAME} has been paid.`);
}

export async function handleCheckoutPage(context: SandboxContext, request: Request, url: URL): Promise<Reply> {
  const token = url.pathname.slice(CHECKOUT_PAGE_PATH.length);
  if (!PAGE_TOKEN.test(token)) return notFound();
  if (request.method !== "GET" && request.method !== "HEAD" && request.method !== "POST") {
    return { ...message(405, "This request was not understood", "The checkout page takes GET and POST only."), headers: { ...pageHeaders(), allow: "GET, HEAD, POST" } };
  }
  settle(context);
  const session = sessionByPageToken(context, token);
  if (!session) return notFound();
  if (request.method === "POST") return act(context, request, session, url.pathname);
  if (session.status === "complete") return complete(session);
  if (session.status === "expired") return expired(session);
  return checkoutForm(context, session, url.pathname, false);
}
