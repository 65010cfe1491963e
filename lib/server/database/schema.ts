// The app's own tables: what RevKeen does not hold for it. Change them here, then
// `npm run db:generate` writes the migration (lib/server/database/migrations/, committed).
import { sql } from "drizzle-orm";
import { bigint, boolean, doublePrecision, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Which RevKeen customer each signed-in user is: one customer per user, one user per customer. */
export const billingAccounts = pgTable("billing_accounts", {
  userId: text("user_id").primaryKey(),
  customerId: uuid("customer_id").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
});

/** Token buckets of the rate limits, shared by every instance of the app (DATABASE_URL only). */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  updatedAtMs: bigint("updated_at_ms", { mode: "number" }).notNull(),
  /** Whether the hit that last touched the bucket was let in. */
  allowed: boolean("allowed").notNull(),
});

/** Webhook events already handled, by RevKeen's event id: a repeat delivery is acknowledged, not handled again. */
export const webhookEvents = pgTable("webhook_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * Sign-in sessions ended by signing out, by their `sid`: a copy of the cookie is refused on every
 * instance. Kept until the session would have ended anyway, then forgotten.
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: uuid("session_id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("revoked_sessions_expires_at_idx").on(table.expiresAt)],
);
