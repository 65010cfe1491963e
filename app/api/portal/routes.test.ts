// proxy.ts does not run for the portal's API (its matcher leaves /api/portal/ out), so nothing
// stands between a request and a handler but the handler itself: that is only safe while every
// handler under app/api/portal runs inside portalRoute(), which checks the session before anything
// else. This reads every route file and holds each exported method to it.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder } from "@/lib/testing/files-under";

const ROOT = join(__dirname);
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The exported HTTP methods whose handler is not a portalRoute(…) call. */
function unguardedMethods(source: string): string[] {
  // Local names bound to portalRoute(…), and each exported name's local binding.
  const guarded = new Set<string>();
  for (const match of source.matchAll(/const\s+(\w+)\s*=\s*portalRoute\s*\(/g)) guarded.add(match[1] ?? "");
  const exported = new Map<string, string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let|var)\s+(\w+)/g)) exported.set(match[1] ?? "", match[1] ?? "");
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of (list[1] ?? "").split(",")) {
      const [local, name] = item.trim().split(/\s+as\s+/);
      if (local) exported.set(name ?? local, local);
    }
  }
  return [...exported].filter(([name, local]) => METHODS.includes(name) && !guarded.has(local)).map(([name]) => name);
}

describe("the portal API's handlers", () => {
  const files = filesUnder(ROOT, (name) => /^route\.(ts|tsx|js|mjs)$/.test(name));

  it("are found", () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it.each(files.map((file) => [relative(ROOT, file), file]))("%s: every method runs inside portalRoute()", (_name, file) => {
    const source = readFileSync(file, "utf8");
    expect(source).toMatch(/export\b/);
    expect(unguardedMethods(source)).toEqual([]);
  });

  it("the check itself catches a method outside portalRoute()", () => {
    expect(unguardedMethods("export async function GET() { return new Response(); }")).toEqual(["GET"]);
    expect(unguardedMethods("export const POST = withSomethingElse(async () => new Response());")).toEqual(["POST"]);
    expect(unguardedMethods("async function open() {}\nexport { open as GET };")).toEqual(["GET"]);
    expect(unguardedMethods("const open = portalRoute(async () => new Response());\nexport { open as GET, open as POST };")).toEqual([]);
    expect(unguardedMethods("export const GET = portalRoute(async () => new Response());")).toEqual([]);
  });
});
