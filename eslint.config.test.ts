// The lint rule that keeps components translated (translated/no-hard-coded-text in
// eslint.config.mjs), run on snippets: words written into JSX are flagged wherever a reader reads
// them; translated text, punctuation and attributes nobody reads pass. And the project's own
// configuration applies it to the app's components, not to tests or the sandbox's pages.
import { ESLint, RuleTester, type Linter, type Rule } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import config from "./eslint.config.mjs";

const RULE = "translated/no-hard-coded-text";

function theRule(): Rule.RuleModule {
  for (const entry of config as Linter.Config[]) {
    const rule = entry.plugins?.translated?.rules?.["no-hard-coded-text"];
    if (rule !== undefined) return rule as Rule.RuleModule;
  }
  throw new Error(`${RULE} is not in eslint.config.mjs`);
}

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } });
const component = (jsx: string) => `export function Example({ t, cond, pending, count }) { return ${jsx}; }`;
const flagged = (jsx: string, text: string) => ({ code: component(jsx), errors: [{ messageId: "text", data: { text } }] });

tester.run(RULE, theRule(), {
  valid: [
    component(`<p>{t("x")}</p>`),
    component(`<p>{t("summary", { count })}</p>`),
    component(`<p className="muted" id="plan-name">{t("x")}</p>`),
    component(`<span aria-hidden="true">·</span>`),
    component(`<p>{count} / {count} — {"·"} ({"…"})</p>`),
    component(`<p>{"  "}: 12 € 34,00</p>`),
    component(`<button type="submit" aria-label={t("close")} title={t("close")}>×</button>`),
    component(`<img alt="" src="/logo.svg" />`),
    component(`<input name="locale" placeholder={t("hint")} autoComplete="off" />`),
    component(`<p>{cond ? t("a") : t("b")}</p>`),
    component(`<p data-state={cond ? "open" : "closed"}>{t("x")}</p>`),
  ],
  invalid: [
    flagged(`<p>Cancel plan</p>`, "Cancel plan"),
    flagged(`<p>プランを解約</p>`, "プランを解約"),
    flagged(`<p>{"Cancel plan"}</p>`, "Cancel plan"),
    flagged("<p>{`Cancel plan`}</p>", "Cancel plan"),
    flagged(`<>{"Cancel plan"}</>`, "Cancel plan"),
    flagged(`<button aria-label="Close">×</button>`, "Close"),
    flagged(`<button aria-label={"Close"}>×</button>`, "Close"),
    flagged(`<abbr title="Value added tax">{t("vat")}</abbr>`, "Value added tax"),
    flagged(`<img alt="Company logo" src="/logo.svg" />`, "Company logo"),
    flagged(`<input placeholder="Search" />`, "Search"),
    flagged(`<p>{cond ? "Active" : "Cancelled"}</p>`, "Active Cancelled"),
    flagged(`<p>{cond ? t("a") : "Cancelled"}</p>`, "Cancelled"),
    flagged(`<button>{pending ? "Saving…" : t("save")}</button>`, "Saving…"),
    flagged(`<p>{cond && "Payment failed"}</p>`, "Payment failed"),
    flagged(`<button aria-label={pending ? "Saving" : "Save"}>{t("save")}</button>`, "Saving Save"),
    { code: component(`<p title="Plan">Plan {count}</p>`), errors: [{ messageId: "text" }, { messageId: "text" }] },
  ],
});

describe("the project's configuration", () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const source = `export function Example() {\n  return <p>Cancel plan</p>;\n}\n`;
  const rulesHit = async (filePath: string) => (await eslint.lintText(source, { filePath }))[0]?.messages.map((message) => message.ruleId) ?? [];

  it("applies the rule to the app's components", async () => {
    expect(await rulesHit("app/portal/example.tsx")).toEqual([RULE]);
    expect(await rulesHit("app/_components/example.tsx")).toEqual([RULE]);
  }, 60_000);

  it("leaves out tests, which write what they expect to read, and the sandbox's stand-in for RevKeen's pages", async () => {
    expect(await rulesHit("app/portal/example.test.tsx")).not.toContain(RULE);
    expect(await rulesHit("app/%5F_sandbox/example.tsx")).not.toContain(RULE);
  }, 60_000);
});
