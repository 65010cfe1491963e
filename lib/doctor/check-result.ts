// The one shape every doctor check returns, so the runner, the text report and `--json`
// never need to know which check produced a line.

export type CheckStatus = "ok" | "warn" | "fail" | "skip";

export type CheckResult = {
  name: string;
  status: CheckStatus;
  /** What a merchant reads. Never a secret's value: the runner redacts again anyway. */
  detail: string;
};

/** `process.env`'s shape; tests hand in plain records instead. */
export type DoctorEnv = Readonly<Record<string, string | undefined>>;

/** `fetch`'s signature, injected so that tests can point the checks at any server. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
