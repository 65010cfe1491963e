import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { forgetExpiredRevocations, isSessionRevoked, revokeSession } from "./revoked-sessions";
import { testDatabaseForThisFile } from "@/lib/testing/embedded-database";

const test = testDatabaseForThisFile();

const inAWeek = () => new Date(Date.now() + 7 * 24 * 60 * 60_000);

describe("revoked sign-in sessions", () => {
  it("names a revoked session revoked, and no other", async () => {
    const signedOut = randomUUID();
    const stillIn = randomUUID();
    await revokeSession(test.db, signedOut, inAWeek());
    expect(await isSessionRevoked(test.db, signedOut)).toBe(true);
    expect(await isSessionRevoked(test.db, stillIn)).toBe(false);
  });

  it("takes the same sign-out twice (two tabs, a retried request) as one", async () => {
    const session = randomUUID();
    await revokeSession(test.db, session, inAWeek());
    await revokeSession(test.db, session, inAWeek());
    expect(await test.count("revoked_sessions", `session_id = '${session}'`)).toBe(1);
  });

  it("forgets a revocation once its session has expired anyway, and keeps the rest", async () => {
    const expired = randomUUID();
    const live = randomUUID();
    await revokeSession(test.db, expired, new Date(Date.now() - 60_000));
    await revokeSession(test.db, live, inAWeek());
    await forgetExpiredRevocations(test.db);
    expect(await test.count("revoked_sessions", `session_id = '${expired}'`)).toBe(0);
    expect(await isSessionRevoked(test.db, live)).toBe(true);
  });
});
