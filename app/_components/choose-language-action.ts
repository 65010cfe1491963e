"use server";
// The footer's language switcher: remembers the choice in a cookie (no account needed) and opens
// the same page again in that language.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { languageCookie } from "@/lib/server/i18n/language-cookie";
import { isHttps } from "@/lib/server/security/https";
import { sameSiteOrigin } from "@/lib/server/security/request-origin";
import { LOCALES } from "@/lib/shared/i18n/locales";
import { safeLocalPath } from "@/lib/shared/paths/safe-path";

const input = z.object({ locale: z.enum(LOCALES) });

/**
 * A plain form, with or without JavaScript and with no script of its own: a language we do not
 * have, or a press from another site, changes nothing and the page is shown again as it was.
 */
export async function chooseLanguageAction(form: FormData): Promise<void> {
  const parsed = input.safeParse({ locale: form.get("locale") });
  if (!parsed.success) return;
  const requestHeaders = await headers();
  const origin = sameSiteOrigin({ headers: requestHeaders }, serverEnv());
  if (origin === null) return;
  const { name, value, ...attributes } = languageCookie(parsed.data.locale, isHttps(requestHeaders, serverEnv().AUTH_URL));
  (await cookies()).set(name, value, attributes);
  // Back to the page the form was on: the browser names it in Referer (this site's pages send
  // their own path to themselves); anything else, or another site's address, goes home.
  const referer = requestHeaders.get("referer");
  let back = "/";
  if (referer !== null && URL.canParse(referer)) {
    const url = new URL(referer);
    if (url.origin === origin) back = safeLocalPath(url.pathname + url.search);
  }
  redirect(back as "/");
}
