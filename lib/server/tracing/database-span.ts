import "server-only";
// One span per database operation (lib/server/database/client.ts withDatabase: the name the app
// gives it, such as "webhook_events.claim"), with one event per SQL statement it ran: the
// statement's kind and its table, read from the SQL Drizzle wrote. Never the SQL itself or its
// parameters, which hold users' ids and e-mail addresses.
import { SpanKind, trace } from "@opentelemetry/api";
import type { Logger } from "drizzle-orm/logger";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { inSpan } from "./tracer";

const KIND = /^\s*(select|insert|update|delete|with|begin|commit|rollback|savepoint|release|set|show|create|alter|drop|lock)\b/i;
const TABLE = /^\s*(?:insert\s+into|update|delete\s+from)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?|\bfrom\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/i;

function errorType(error: unknown): string {
  if (error instanceof PortalError) return error.code;
  return error instanceof Error ? error.name : typeof error;
}

export function traceDatabaseOperation<T>(operation: string, run: () => Promise<T>): Promise<T> {
  return inSpan(
    `db ${operation}`,
    { kind: SpanKind.CLIENT, attributes: { "db.system.name": "postgresql", "db.query.summary": operation }, errorType },
    run,
  );
}

/** Drizzle's logger: tells the active span which statement ran, by kind and table only. */
export const statementEvents: Logger = {
  logQuery(query) {
    const span = trace.getActiveSpan();
    if (span === undefined || !span.isRecording()) return;
    const kind = KIND.exec(query)?.[1]?.toUpperCase() ?? "OTHER";
    const table = TABLE.exec(query);
    const collection = table?.[1] ?? table?.[2];
    span.addEvent("db.statement", { "db.operation.name": kind, ...(collection === undefined ? {} : { "db.collection.name": collection }) });
  },
};
