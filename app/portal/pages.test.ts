// A portal page whose own output is the first thing in its answer to name client code makes the
// browser fetch that code only after the answer (code-first.tsx). This reads every page file
// under app/portal and holds its default export to codeFirst(…), so a page added later is told.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Children, isValidElement, type ReactElement, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { filesUnder } from "@/lib/testing/files-under";
import { codeFirst } from "./_components/code-first";
import { PageCodeHint } from "./_components/page-code-hint";

const ROOT = join(__dirname);

describe("the portal's pages", () => {
  const files = filesUnder(ROOT, (name) => /^page\.(tsx|jsx|ts|js)$/.test(name));

  it("are found", () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it.each(files.map((file) => [relative(ROOT, file), file]))("%s: its default export is codeFirst(…)", (_name, file) => {
    expect(readFileSync(file, "utf8")).toMatch(/^export default codeFirst\(\w+\);$/m);
  });

  it("codeFirst draws the hint ahead of the page, and the page with its props", () => {
    async function Page(props: { id: string }) {
      return props.id;
    }
    const drawn = codeFirst(Page)({ id: "x" }) as ReactElement<{ children: ReactNode }>;
    const [hint, page] = Children.toArray(drawn.props.children);
    expect(isValidElement(hint) && hint.type).toBe(PageCodeHint);
    expect(isValidElement(page) && page.type).toBe(Page);
    expect(isValidElement<{ id: string }>(page) && page.props.id).toBe("x");
  });
});
