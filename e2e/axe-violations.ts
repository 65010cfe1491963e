import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The page's serious and critical WCAG 2.1 A/AA violations axe finds, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Next streams a page's <title> in a boundary of its own, mounted afresh by every render: just
  // after a navigation or a form's answer the page can be on screen a moment before its title.
  // The page is judged once its title is there; a page without one still fails, here.
  await expect(page, "the page has no <title>").toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}
