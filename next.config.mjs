import createNextIntlPlugin from "next-intl/plugin";
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { parseServerEnv } from "./lib/env/schema.mjs";

// One file of messages per language in messages/, compiled at build time: the browser then gets
// no ICU parser, only the small formatter for messages already parsed.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/server/i18n/request-config.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

/** @param {string} phase */
export default function nextConfig(phase) {
  // Fail before anything starts if a variable is malformed. Secrets are checked at run time
  // only: a build (on Vercel or CI) should not need them.
  parseServerEnv(process.env, { requireSecrets: phase !== PHASE_PRODUCTION_BUILD });

  /** @type {import("next").NextConfig} */
  const config = {
    // Lets two checkouts' test runs build side by side (NEXT_DIST_DIR=.next-other); default .next.
    distDir: process.env.NEXT_DIST_DIR || ".next",
    poweredByHeader: false,
    // `next dev` would otherwise write an AGENTS.md into the merchant's repository on every start.
    agentRules: false,
    // The embedded database applies these at run time (lib/server/database/client.ts): a
    // deployment (Vercel's functions) must carry them.
    outputFileTracingIncludes: { "/*": ["./lib/server/database/migrations/**/*"] },
    // PGlite finds its WebAssembly and data files next to its own modules: loaded by Node from
    // node_modules, not bundled, it finds them in `next dev` as in `next start`.
    serverExternalPackages: ["@electric-sql/pglite"],
    reactStrictMode: true,
    typedRoutes: true,
    // The tab's icon (public/icon.png, linked by app/layout.tsx) changes with a deployment at most:
    // kept a day, a browser that asks for it after each client-side navigation does not ask us.
    headers: async () => [{ source: "/icon.png", headers: [{ key: "Cache-Control", value: "public, max-age=86400" }] }],
    // The end-to-end suite's build only: `npm test` has type-checked every file just before
    // (npm run typecheck), so its build skips Next's second check of the same files. Every other
    // build, Vercel's included, checks.
    typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPE_CHECK === "1" },
    experimental: {
      // React's taint API (lib/server/security/taint-secrets.ts): rendering refuses to send the
      // merchant's key or a portal token to the browser. It runs the app on Next's bundled
      // experimental React build, which ships more JavaScript on every page (docs/speed.md).
      taint: true,
      // Every write is a server action (sign-in, Manage billing, the cancels, the change of bank),
      // and their forms send a few hundred bytes; Next's default would read up to 1 MB of any
      // request that names an action.
      serverActions: { bodySizeLimit: "16kb" },
      // Nor an upgrade-reminder block into that AGENTS.md: upgrades are the merchant's decision.
      agentUpgrade: false,
    },
  };
  return withNextIntl(config);
}
