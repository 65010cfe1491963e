import { notFound } from "next/navigation";
import { serverEnv } from "@/lib/env/server";
import { currentUser } from "@/lib/server/auth/current-user";
import { readPortalSession } from "@/lib/server/portal-session/sealed-cookie";
import { ClientProbe } from "./client-probe";

/**
 * Proves that React's taint API guards the secrets (lib/server/security/taint-secrets.ts): it hands a client
 * component the sandbox's key, or the visitor's portal token, and the render must fail. Only where
 * the sandbox's controls are (sandbox mode, where both are made up); elsewhere it is a 404 before
 * either is touched.
 */
export default async function TaintCheckPage({ searchParams }: PageProps<"/__sandbox/taint-check">) {
  const env = serverEnv();
  if (!env.sandboxControls) notFound();
  const { secret } = await searchParams;
  if (secret === "api-key") return <ClientProbe value={env.REVKEEN_SANDBOX_API_KEY} />;
  if (secret === "portal-token") {
    const user = await currentUser();
    const stored = user === null ? null : await readPortalSession(user.id);
    if (stored?.state === "valid") return <ClientProbe value={stored.session.token} />;
  }
  notFound();
}
