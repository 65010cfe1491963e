// Plain JavaScript so that next.config.mjs can import it: a bad variable then stops
// `next dev`, `next build` and `next start` before anything else runs.
import { z } from "zod";

export const DEFAULT_REVKEEN_API_URL = "https://api.revkeen.com/v2";
export const DEFAULT_SANDBOX_API_KEY = "rk_sandbox_portal_starter_demo";
export const DEFAULT_SANDBOX_PORT = 4010;

const MERCHANT_KEY = /^rk_(sandbox|live)_[A-Za-z0-9_]+$/;

/** Vercel and .env files turn "left blank" into an empty string; treat it as unset. */
const optional = (/** @type {z.ZodType} */ schema) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);

/**
 * True for http:// to anything but this machine (localhost, 127.0.0.0/8, [::1]): what is sent
 * there crosses a network readable. Another name under .localhost is not this machine to Node's
 * resolver, which may ask DNS for it.
 * @param {string} raw
 */
export function isPlainHttpOffLoopback(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== "http:") return false;
  const host = url.hostname.toLowerCase();
  return !(host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host));
}

/** @param {string} value */
function isAesKey(value) {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  return [16, 24, 32].includes(atob(value).length);
}

/** Every variable the server and its tools read; `npm run sandbox` reads a few of them (parseSandboxEnv). */
const fields = {
  REVKEEN_API_KEY: optional(
    z
      .string()
      .trim()
      .regex(MERCHANT_KEY, "must start with rk_sandbox_ or rk_live_ (copy it from RevKeen: Settings → API keys)")
      .optional(),
  ),
  REVKEEN_API_URL: optional(
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL ending in /v2, e.g. https://api.revkeen.com/v2" })
      .refine(
        (url) => !isPlainHttpOffLoopback(url),
        "must use https: over plain http the API key would cross the network readable (plain http is for this machine only: localhost, 127.0.0.1 or [::1], as `npm run sandbox`)",
      )
      .transform((url) => url.replace(/\/+$/, ""))
      .default(DEFAULT_REVKEEN_API_URL),
  ),
  REVKEEN_SANDBOX_API_KEY: optional(
    z
      .string()
      .trim()
      .regex(/^rk_sandbox_[A-Za-z0-9_]+$/, "must start with rk_sandbox_ (it is the built-in sandbox's own key)")
      .default(DEFAULT_SANDBOX_API_KEY),
  ),
  // The secret RevKeen signs webhooks to this app with (Developers → Webhooks in RevKeen).
  REVKEEN_WEBHOOK_SECRET: optional(
    z.string().trim().regex(/^rk_wh_[A-Za-z0-9_]+$/, "must start with rk_wh_ (copy it from the webhook endpoint in RevKeen)").optional(),
  ),
  // What the built-in sandbox signs its webhooks with. Unset: in the app, a secret derived from
  // AUTH_SECRET (lib/server/webhooks/webhook-secret.ts); `npm run sandbox` needs it to send any.
  REVKEEN_SANDBOX_WEBHOOK_SECRET: optional(
    z
      .string()
      .trim()
      .regex(/^rk_wh_[A-Za-z0-9_]+$/, "must start with rk_wh_ (it is the built-in sandbox's own webhook secret)")
      .optional(),
  ),
  // Where `npm run sandbox` delivers its webhooks, e.g. http://127.0.0.1:3000/api/webhooks/revkeen.
  SANDBOX_WEBHOOK_URL: optional(z.url({ protocol: /^https?$/, error: "must be the app's webhook address, e.g. http://127.0.0.1:3000/api/webhooks/revkeen" }).optional()),
  // How long the sandbox waits before each retry of a webhook the app did not take, in ms,
  // comma-separated (1, 2, 4, 8 and 16 s when unset): the end-to-end suite shortens them.
  SANDBOX_WEBHOOK_RETRY_DELAYS_MS: optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,6}(,\d{1,6}){0,9}$/, "must be up to 10 waits in milliseconds separated by commas, e.g. 100,200,400")
      .transform((list) => list.split(",").map(Number))
      .optional(),
  ),
  SANDBOX_PORT: optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,5}$/, "must be a port number from 1 to 65535")
      .transform(Number)
      .pipe(z.number().min(1, "must be a port number from 1 to 65535").max(65535, "must be a port number from 1 to 65535"))
      .default(DEFAULT_SANDBOX_PORT),
  ),
  REVKEEN_PORTAL_TTL_MINUTES: optional(
    z.coerce
      .number({ error: "must be a whole number of minutes" })
      .int("must be a whole number of minutes")
      .min(5, "must be at least 5 (RevKeen's shortest portal session)")
      .max(240, "must be at most 240 (RevKeen's longest portal session)")
      .default(60),
  ),
  REVKEEN_TIMEOUT_MS: optional(
    z.coerce
      .number({ error: "must be a number of milliseconds" })
      .int("must be a whole number of milliseconds")
      .min(100, "must be at least 100")
      .max(60_000, "must be at most 60000")
      .default(10_000),
  ),
  PORTAL_MINTS_PER_MINUTE_PER_USER: optional(
    z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").default(10),
  ),
  PORTAL_MINTS_PER_MINUTE_PER_IP: optional(
    z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").default(60),
  ),
  PORTAL_WRITES_PER_MINUTE_PER_USER: optional(
    z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").default(10),
  ),
  // Tries at a Direct Debit change's one-time code, per user and mandate, in ten minutes.
  PORTAL_CODE_ATTEMPTS_PER_10_MINUTES_PER_MANDATE: optional(
    z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").default(5),
  ),
  // How many proxies in front of the app append to X-Forwarded-For (lib/server/security/client-ip.ts).
  TRUSTED_PROXY_HOPS: optional(
    z.coerce
      .number({ error: "must be a whole number of proxies" })
      .int("must be a whole number of proxies")
      .min(0, "must not be negative")
      .max(10, "must be at most 10")
      .default(0),
  ),
  // Set by Vercel itself; its own headers then name the client and the public host.
  VERCEL: optional(z.string().optional()),
  // Set by Vercel (the deployment's host) and by Next (the port it listens on): where this server
  // reaches itself, for the in-process sandbox's webhooks.
  VERCEL_URL: optional(z.string().optional()),
  PORT: optional(z.string().optional()),
  // Auth.js trusts the Host and X-Forwarded-* headers when this is set (any value, as Auth.js reads it).
  AUTH_TRUST_HOST: optional(z.string().optional()),
  REVKEEN_DEMO_SIGN_IN: optional(z.stringbool({ error: "must be true or false" }).optional()),
  SANDBOX_CONTROLS: optional(z.stringbool({ error: "must be true or false" }).optional()),
  PORTAL_FRAME_ANCESTORS: optional(
    z
      .string()
      .trim()
      .regex(
        /^('none'|'self'|https:\/\/[^\s;,']+)( ('self'|https:\/\/[^\s;,']+))*$/,
        "must be 'none', 'self', or https origins separated by spaces (e.g. https://www.example.com)",
      )
      .default("'none'"),
  ),
  AUTH_SECRET: optional(
    z.string().min(32, "is too short: use at least 32 random characters (run `npx auth secret`)").optional(),
  ),
  // Auth.js's own address; proxy.ts reads it to find the sign-in cookie under the same name.
  AUTH_URL: optional(
    z
      .url({ protocol: /^https?$/, error: "must be your site's address, e.g. https://billing.example.com" })
      .optional(),
  ),
  // Next reads it at build time; checked here because a bad one only fails once a form is sent.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: optional(
    z
      .string()
      .trim()
      .refine(isAesKey, "must be a base64 AES key of 16, 24 or 32 bytes (generate one with `openssl rand -base64 32`)")
      .optional(),
  ),
  AUTH_GITHUB_ID: optional(z.string().optional()),
  AUTH_GITHUB_SECRET: optional(z.string().optional()),
  // Any PostgreSQL; unset: the embedded one (lib/server/database/client.ts).
  DATABASE_URL: optional(
    z
      .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// (or postgresql://) connection URL" })
      .optional(),
  ),
  DATABASE_DIR: optional(z.string().trim().default(".data/database")),
};

const serverSchema = z.object(fields).superRefine((env, ctx) => {
  if (Boolean(env.AUTH_GITHUB_ID) !== Boolean(env.AUTH_GITHUB_SECRET)) {
    ctx.addIssue({
      code: "custom",
      path: [env.AUTH_GITHUB_ID ? "AUTH_GITHUB_SECRET" : "AUTH_GITHUB_ID"],
      message: "is missing: GitHub sign-in needs both AUTH_GITHUB_ID and AUTH_GITHUB_SECRET",
    });
  }
  // Only the sandbox (no key) serves them; the app's route also refuses them beside any other provider.
  if (!env.REVKEEN_API_KEY && env.SANDBOX_CONTROLS && env.AUTH_GITHUB_ID) {
    ctx.addIssue({
      code: "custom",
      path: ["SANDBOX_CONTROLS"],
      message:
        "cannot be true while GitHub sign-in is set up (AUTH_GITHUB_ID): the controls would show real users' e-mail addresses, one-time codes and webhooks to anyone",
    });
  }
  if (env.REVKEEN_API_KEY?.startsWith("rk_live_") && env.REVKEEN_DEMO_SIGN_IN) {
    ctx.addIssue({
      code: "custom",
      path: ["REVKEEN_DEMO_SIGN_IN"],
      message: "cannot be true with a live key: demo sign-in would let anyone open a real customer's portal",
    });
  }
});

/**
 * @typedef {"sandbox" | "test" | "live"} RevKeenMode
 *   sandbox: no key, the built-in in-memory sandbox answers in-process;
 *   test: an rk_sandbox_ key against REVKEEN_API_URL (RevKeen test mode, or `npm run sandbox`);
 *   live: an rk_live_ key, real customers.
 */

/** @typedef {{ variable: string, rule: string }} EnvProblem */

export class EnvError extends Error {
  /** @param {EnvProblem[]} problems */
  constructor(problems) {
    super(
      [
        "The environment is not set up correctly:",
        ...problems.map(({ variable, rule }) => `  - ${variable} ${rule}`),
        "See .env.example and docs/environment.md.",
      ].join("\n"),
    );
    this.name = "EnvError";
    /** Each problem by variable; a rule never contains the value. */
    this.problems = problems;
  }
}

/**
 * Parses and checks the server's environment. Messages name the variable and the rule,
 * never the value: a value may be a secret.
 * @param {Record<string, string | undefined>} source usually process.env
 * @param {{ requireSecrets?: boolean }} [options] false while building: secrets belong to the runtime
 */
export function parseServerEnv(source, { requireSecrets = true } = {}) {
  const parsed = serverSchema.safeParse(source);
  if (!parsed.success) throw envError(parsed.error);
  const env = parsed.data;
  /** @type {RevKeenMode} */
  const mode = !env.REVKEEN_API_KEY ? "sandbox" : env.REVKEEN_API_KEY.startsWith("rk_live_") ? "live" : "test";
  if (requireSecrets && !env.AUTH_SECRET) {
    throw new EnvError([
      {
        variable: "AUTH_SECRET",
        rule: "is missing: it signs sign-in sessions and seals the portal cookie. Generate one with `npx auth secret` (or `openssl rand -base64 33`).",
      },
    ]);
  }
  return {
    ...env,
    mode,
    /** Demo sign-in lists the sandbox's customers; never offered with a live key. */
    demoSignIn: env.REVKEEN_DEMO_SIGN_IN ?? mode === "sandbox",
    /**
     * The in-process sandbox's /__sandbox controls: sandbox mode only, and in a production build
     * (a public keyless demo) only when SANDBOX_CONTROLS=true. `next dev` has them.
     */
    sandboxControls: mode === "sandbox" && (env.SANDBOX_CONTROLS ?? source.NODE_ENV === "development"),
  };
}

/** @typedef {ReturnType<typeof parseServerEnv>} ServerEnv */

/**
 * The variables `npm run sandbox` reads, by the same rules as the app's.
 * @param {Record<string, string | undefined>} source usually process.env
 */
export function parseSandboxEnv(source) {
  const parsed = z
    .object({
      SANDBOX_PORT: fields.SANDBOX_PORT,
      REVKEEN_SANDBOX_API_KEY: fields.REVKEEN_SANDBOX_API_KEY,
      REVKEEN_SANDBOX_WEBHOOK_SECRET: fields.REVKEEN_SANDBOX_WEBHOOK_SECRET,
      SANDBOX_WEBHOOK_URL: fields.SANDBOX_WEBHOOK_URL,
      SANDBOX_WEBHOOK_RETRY_DELAYS_MS: fields.SANDBOX_WEBHOOK_RETRY_DELAYS_MS,
    })
    .superRefine((env, ctx) => {
      if (env.SANDBOX_WEBHOOK_URL && !env.REVKEEN_SANDBOX_WEBHOOK_SECRET) {
        ctx.addIssue({
          code: "custom",
          path: ["REVKEEN_SANDBOX_WEBHOOK_SECRET"],
          message:
            "is missing: the sandbox signs the webhooks it sends to SANDBOX_WEBHOOK_URL with it. Give it and the app's REVKEEN_WEBHOOK_SECRET the same value, e.g. rk_wh_ followed by `openssl rand -hex 24`",
        });
      }
    })
    .safeParse(source);
  if (!parsed.success) throw envError(parsed.error);
  return parsed.data;
}

/** @param {z.ZodError} error */
function envError(error) {
  return new EnvError(error.issues.map((issue) => ({ variable: issue.path.join(".") || "env", rule: issue.message })));
}
