import "server-only";
// React's taint API makes a server render refuse to serialize a marked value into what it sends
// to the browser (a client component's props, an action's result, the RSC payload): the render
// fails instead of leaking. It exists only in the experimental React that Next bundles for server
// code when next.config.mjs sets `experimental.taint`. Where `react` is another build (Vitest,
// scripts run with tsx) these functions do nothing, so the modules that call them run anywhere.
//
// Taint matches whole values, not substrings, and guards rendering only: logs are kept clean by
// lib/server/logging/log.ts.
import * as React from "react";
import type { ServerEnv } from "@/lib/env/schema.mjs";

type TaintUniqueValue = (message: string, lifetime: object, value: string) => void;

const taintUniqueValue = (React as { experimental_taintUniqueValue?: TaintUniqueValue }).experimental_taintUniqueValue;

function taint(message: string, lifetime: object, value: string | undefined): void {
  if (typeof taintUniqueValue !== "function" || !value) return;
  taintUniqueValue(message, lifetime, value);
}

/** The merchant's keys, the webhook and sign-in secrets and the database's address, for as long as `env` (parsed once per process) lives. */
export function taintServerSecrets(env: ServerEnv): void {
  const secrets = {
    REVKEEN_API_KEY: env.REVKEEN_API_KEY,
    REVKEEN_SANDBOX_API_KEY: env.REVKEEN_SANDBOX_API_KEY,
    AUTH_SECRET: env.AUTH_SECRET,
    AUTH_GITHUB_SECRET: env.AUTH_GITHUB_SECRET,
    REVKEEN_WEBHOOK_SECRET: env.REVKEEN_WEBHOOK_SECRET,
    REVKEEN_SANDBOX_WEBHOOK_SECRET: env.REVKEEN_SANDBOX_WEBHOOK_SECRET,
    DATABASE_URL: env.DATABASE_URL,
  };
  for (const [name, value] of Object.entries(secrets)) {
    taint(`${name} must never be sent to the browser.`, env, value);
  }
}

/** A secret derived from AUTH_SECRET (`name` says which), for as long as `env` lives. */
export function taintDerivedSecret(name: string, env: ServerEnv, value: string): void {
  taint(`${name} must never be sent to the browser.`, env, value);
}

/** A portal token, for as long as the session object holding it lives. */
export function taintPortalToken(session: { token: string }): void {
  taint("A RevKeen portal token must never be sent to the browser.", session, session.token);
}

/** A Direct Debit verification token (the proof of a one-time code), for as long as `holder` lives. */
export function taintVerificationToken(holder: { token: string }): void {
  taint("A Direct Debit verification token must never be sent to the browser.", holder, holder.token);
}
