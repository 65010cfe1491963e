// The hosted checkout page's HTML: plain forms (no script at all), readable on a phone, with its
// own small stylesheet allowed by hash in its own Content-Security-Policy.
import { createHash } from "node:crypto";
import type { Reply } from "../http/reply";

const STYLE = [
  ":root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}",
  "body{margin:0;padding:1.5rem 1rem;background:Canvas;color:CanvasText}",
  "main{max-width:28rem;margin:0 auto}",
  ".brand{font-size:.875rem;opacity:.8;margin:0 0 .5rem}",
  "h1{font-size:1.5rem;margin:0 0 1rem}",
  "dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0 0 1.5rem}",
  "dt{opacity:.8}dd{margin:0;font-weight:600}",
  ".amount{font-size:1.25rem}",
  ".alert{border:2px solid #b42318;border-radius:.5rem;padding:.75rem;margin:0 0 1rem}",
  "form{display:grid;gap:.75rem}",
  "button,.link{font:inherit;min-height:2.75rem;padding:.5rem 1rem;border-radius:.5rem;border:1px solid currentColor;background:none;color:inherit;cursor:pointer;text-align:center}",
  "button[value=pay]{background:#1d4ed8;border-color:#1d4ed8;color:#fff;font-weight:600}",
  ".link{display:inline-block}",
  ".note{font-size:.875rem;opacity:.8;margin-top:1.5rem}",
].join("");

const STYLE_HASH = `'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`;

export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

export interface PageOptions {
  status: number;
  title: string;
  /** Already-escaped HTML for inside <main>, after the <h1>. */
  body: string;
  /** Where the page's forms may lead, besides itself: the return addresses' origins. */
  formTargets?: readonly string[];
  headers?: Record<string, string>;
}

/**
 * Security headers of the page's own: the URL holds the session's token, so no referrer leaves it;
 * no frame may hold it; and a form may post only to the page and be redirected only to the
 * merchant's return addresses (form-action governs those redirects too).
 */
export function pageHeaders(formTargets: readonly string[] = []): Record<string, string> {
  const formAction = ["'self'", ...new Set(formTargets)].join(" ");
  return {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": `default-src 'none'; style-src ${STYLE_HASH}; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
  };
}

export function htmlPage({ status, title, body, formTargets, headers }: PageOptions): Reply {
  const html = [
    "<!doctype html>",
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} · RevKeen checkout (sandbox)</title>`,
    `<style>${STYLE}</style></head>`,
    "<body><main>",
    '<p class="brand">RevKeen checkout · sandbox</p>',
    `<h1>${escapeHtml(title)}</h1>`,
    body,
    '<p class="note">This is the RevKeen sandbox\'s checkout: no card is asked for and no money moves.</p>',
    "</main></body></html>",
  ].join("\n");
  return { status, headers: { ...pageHeaders(formTargets), ...headers }, body: html };
}
