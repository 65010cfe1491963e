// GET /api/health: liveness, answered at once with nothing checked, even while the heap guard
// sheds load (a busy instance is alive: restarting it would only lose the requests it is
// finishing). GET /api/health?ready=1: readiness, the database and RevKeen checked
// (lib/server/health/readiness.ts), 503 with the state of each when either fails or the instance
// is shedding. proxy.ts does not run here: no session, no rate limit, no cache.
import type { NextRequest } from "next/server";
import { readiness } from "@/lib/server/health/readiness";
import { apiSecurityHeaders } from "@/lib/server/security/security-headers";

const HEADERS = { ...apiSecurityHeaders(false), "cache-control": "no-store" };

export async function GET(request: NextRequest): Promise<Response> {
  if (!request.nextUrl.searchParams.has("ready")) return Response.json({ status: "ok" }, { headers: HEADERS });
  const { ready, ...checks } = await readiness();
  return Response.json({ status: ready ? "ready" : "not_ready", ...checks }, { status: ready ? 200 : 503, headers: HEADERS });
}
