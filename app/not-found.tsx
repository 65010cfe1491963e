import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

/** Any address this site does not have. The portal's own 404s say what was not found. */
export default function NotFound() {
  return (
    <main className="page stack">
      <section className="card stack" aria-labelledby="not-found-heading">
        <h1 id="not-found-heading">Page not found</h1>
        <p>There is no page at this address. The link may be wrong, or the page may have moved.</p>
        <p>
          <Link href="/" className="button">
            Go to your account
          </Link>
        </p>
      </section>
    </main>
  );
}
