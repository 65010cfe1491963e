import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NotFound");
  return { title: t("title") };
}

/** Any address this site does not have. The portal's own 404s say what was not found. */
export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <main className="page stack">
      <section className="card stack" aria-labelledby="not-found-heading">
        <h1 id="not-found-heading">{t("title")}</h1>
        <p>{t("body")}</p>
        <p>
          <Link href="/" className="button">
            {t("home")}
          </Link>
        </p>
      </section>
    </main>
  );
}
