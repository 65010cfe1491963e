import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

/**
 * Test files of modules with no state of their own (pure functions, the sandbox's emulator, the
 * doctor's checks, the lint rules): they share a worker's modules one after another rather than
 * each starting a fresh one, which is most of a small file's time. Every other file (the server's
 * code: its parsed environment, caches, database and clients live as long as their module) gets
 * modules of its own.
 */
const SHARED_MODULES = [
  "lib/shared/**/*.test.ts",
  "lib/sandbox/**/*.test.ts",
  "lib/doctor/**/*.test.ts",
  "lib/env/**/*.test.ts",
  "lib/testing/**/*.test.ts",
  "app/_components/**/*.test.{ts,tsx}",
  "app/client-translations.test.ts",
  "eslint.config.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside React's server build; unit tests run lib/ code directly.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    // Every core: a file's time is mostly importing and transforming its modules, not waiting,
    // and Vitest's default leaves one core idle (all of one on a two-core machine).
    maxWorkers: availableParallelism(),
    environment: "node",
    // next-auth imports "next/server" without the extension Node's ESM loader needs; bundled by
    // Vite instead, its imports resolve as they do in Next (and tests can run Auth.js's endpoints).
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "own modules",
          include: ["lib/**/*.test.ts", "app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "proxy.test.ts", "instrumentation.test.ts"],
          exclude: [...configDefaults.exclude, ...SHARED_MODULES],
          // initdb once for the run, not once per file that opens an embedded database.
          globalSetup: ["lib/testing/embedded-cluster.global-setup.ts"],
          setupFiles: ["lib/testing/embedded-cluster.setup.ts"],
        },
      },
      { extends: true, test: { name: "shared modules", include: SHARED_MODULES, isolate: false } },
    ],
  },
});
