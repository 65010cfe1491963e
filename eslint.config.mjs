import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

const root = dirname(fileURLToPath(import.meta.url));

/**
 * The project file an import names (by `@/` or a relative path), or null for a package.
 * @param {string} filename
 * @param {string} specifier
 * @returns {string | null}
 */
function projectPath(filename, specifier) {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return relative(root, resolve(dirname(filename), specifier));
  return null;
}

/**
 * A "use client" module ships to the browser with everything it imports, so it must never reach
 * lib/server (which holds the keys and the database). Next fails such a build only through
 * `server-only`; this says so at the import, in the editor.
 * @type {import("eslint").Rule.RuleModule}
 */
const clientNeverImportsServer = {
  meta: { type: "problem", messages: { server: "A \"use client\" module must not import lib/server ({{specifier}}): move what it needs to lib/shared or pass it as a prop." } },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some((node) => "directive" in node && node.directive === "use client");
    if (!isClient) return {};
    /** @param {import("estree").Node | null | undefined} source */
    const check = (source) => {
      if (source?.type !== "Literal" || typeof source.value !== "string") return;
      const path = projectPath(context.filename, source.value);
      if (path !== null && (path === "lib/server" || path.startsWith("lib/server/"))) {
        context.report({ node: source, messageId: "server", data: { specifier: source.value } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

/** Any letter, in any script: text a reader reads. */
const LETTER = /\p{L}/u;
/** The attributes a reader (or a screen reader) reads. */
const READ_ATTRIBUTES = new Set(["alt", "aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "label", "placeholder", "title"]);

/**
 * Every word a customer reads comes from messages/, one file per language: text written into a
 * component's JSX would stay English whatever language the page speaks.
 * @type {import("eslint").Rule.RuleModule}
 */
const noHardCodedText = {
  meta: { type: "problem", messages: { text: "Words a customer reads come from messages/<language>.json (next-intl), not from the JSX: \"{{text}}\"." } },
  create(context) {
    /** @param {import("estree").Node} node @param {string} text */
    const report = (node, text) => context.report({ node, messageId: "text", data: { text: text.trim().slice(0, 40) } });
    /** @type {(expression: any) => string | null} */
    const literalText = (expression) => {
      if (expression?.type === "Literal" && typeof expression.value === "string") return expression.value;
      if (expression?.type === "TemplateLiteral") return expression.quasis.map((/** @type {any} */ quasi) => quasi.value.cooked ?? "").join("");
      // `pending ? "Saving…" : "Save"`, `error && "Failed"`: either branch may be what is read.
      if (expression?.type === "ConditionalExpression") return [literalText(expression.consequent), literalText(expression.alternate)].filter((text) => text !== null).join(" ") || null;
      if (expression?.type === "LogicalExpression") return literalText(expression.right);
      return null;
    };
    return {
      /** @param {any} node */
      JSXText(node) {
        if (LETTER.test(node.value)) report(node, node.value);
      },
      /** @param {any} node */
      JSXExpressionContainer(node) {
        if (node.parent?.type !== "JSXElement" && node.parent?.type !== "JSXFragment") return;
        const text = literalText(node.expression);
        if (text !== null && LETTER.test(text)) report(node, text);
      },
      /** @param {any} node */
      JSXAttribute(node) {
        const name = node.name.type === "JSXIdentifier" ? node.name.name : null;
        if (name === null || !READ_ATTRIBUTES.has(name) || node.value === null) return;
        const text = node.value.type === "Literal" ? literalText(node.value) : node.value.type === "JSXExpressionContainer" ? literalText(node.value.expression) : null;
        if (text !== null && LETTER.test(text)) report(node, text);
      },
    };
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  {
    name: "project/boundaries",
    files: ["app/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    plugins: { project: { rules: { "client-never-imports-server": clientNeverImportsServer } } },
    rules: {
      // lib/server runs on the server only, lib/browser needs a window, lib/shared runs on both.
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib/shared", from: ["./lib/server", "./lib/browser"], message: "lib/shared runs on both sides: it imports neither lib/server nor lib/browser." },
            { target: "./lib/browser", from: "./lib/server", message: "lib/browser runs in the browser: it never imports lib/server." },
          ],
        },
      ],
      "project/client-never-imports-server": "error",
    },
  },
  {
    name: "project/no-circles",
    files: ["app/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    // Nothing imports a test, so a test is never inside a circle: checking from the modules is enough.
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    // Packages are never part of a circle here: the import plugin reads only the project's own files.
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      // An import circle makes module order decide what is defined at load time.
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    name: "project/translated",
    files: ["app/**/*.tsx"],
    // The sandbox's own pages stand in for RevKeen's, and tests write what they expect to read.
    ignores: ["app/%5F_sandbox/**", "**/*.test.tsx"],
    plugins: { translated: { rules: { "no-hard-coded-text": noHardCodedText } } },
    rules: { "translated/no-hard-coded-text": "error" },
  },
  globalIgnores([".next/**", ".next-*/**", ".e2e-logs/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench-results/**"]),
]);
