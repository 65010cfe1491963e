// Return paths that must never send a browser to another site, each as a query parameter or a
// form field arrives (decoded once). Most are "//evil.example" only after the URL parser removes
// dot segments or control characters. Shared by lib/shared/paths/safe-path.test.ts and the
// end-to-end suite (e2e/return-paths.spec.ts).
export const OPEN_REDIRECT_ATTEMPTS = [
  "//evil.example",
  "/\\evil.example",
  "https://evil.example/",
  "/.//evil.example",
  "/x/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/portal/..//evil.example",
  "/portal/%2e%2e//evil.example",
  "/././/evil.example",
  "/%2e%2e/%2e%2e//evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "%2F.%2F%2Fevil.example",
] as const;
