import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  globalIgnores([".next/**", ".next-*/**", ".e2e-logs/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench-results/**"]),
]);
