// next-intl's message formatter joins the root layout's chunk, and so every page's scripts, as
// soon as one client component calls useTranslations. Client components read plain messages
// with useMessages, or words the server translated (docs/customizing.md).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder } from "@/lib/testing/files-under";

const ROOT = resolve(import.meta.dirname, "..");
const APP = join(ROOT, "app");

const sourceFiles = (dir: string) => filesUnder(dir, (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));

const isClientModule = (source: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(source);
const callsUseTranslations = (source: string) => /\buseTranslations\s*(<[^>]*>)?\s*\(/.test(source);

/** The app/ modules a module imports for its code (type-only imports bring none). */
function appImports(file: string, source: string): string[] {
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)].map((match) => match[1] ?? "");
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith("@/app/") ? join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? resolve(dirname(file), specifier) : null;
    if (base === null || !base.startsWith(APP)) return [];
    const found = [base, `${base}.ts`, `${base}.tsx`].find((path) => existsSync(path) && path.match(/\.tsx?$/));
    return found ? [found] : [];
  });
}

/** Every "use client" module of app/, and every app/ module they import, however deep. */
function modulesInTheBrowser(): string[] {
  const reached = new Set(sourceFiles(APP).filter((file) => isClientModule(readFileSync(file, "utf8"))));
  const queue = [...reached];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of appImports(file, readFileSync(file, "utf8"))) {
      if (reached.has(imported)) continue;
      reached.add(imported);
      queue.push(imported);
    }
  }
  return [...reached].map((file) => relative(ROOT, file)).sort();
}

describe("what reaches the browser", () => {
  const modules = modulesInTheBrowser();

  it("finds the client components and what they import from app/", () => {
    expect(modules).toContain("app/_components/manage-billing-form.tsx");
    expect(modules).toContain("app/portal/direct-debit/_components/mandate-card.tsx");
  });

  it("has no module that calls useTranslations", () => {
    expect(modules.filter((file) => callsUseTranslations(readFileSync(join(ROOT, file), "utf8")))).toEqual([]);
  });
});
