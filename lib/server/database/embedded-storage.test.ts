// With a RevKeen key, the app refuses to run on an embedded database that cannot keep its files,
// and says to set DATABASE_URL; the keyless demo still runs in memory, and says in the log each
// time a billing link is kept there only. Run against a real folder that nobody can write and the
// real embedded database.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetProcessSingleton } from "@/lib/server/caching/process-singleton";
import { databaseRefusal, embeddedStorage, processDatabaseRefusal } from "./embedded-storage";

const ROOT = mkdtempSync(join(tmpdir(), "embedded-storage-"));
const A_FILE = join(ROOT, "a-file");
writeFileSync(A_FILE, "");
// Tests run as root, for whom a folder's mode bits (chmod 0555) stop no write. A path under a
// regular file can be created by nobody, root included (ENOTDIR), as on a read-only filesystem.
const UNWRITABLE = join(A_FILE, "database");
const LIVE_KEY = "rk_live_unit_test_key_abc123";
const ADA = "7e9551bf-ad22-48d2-9022-2bdb9eda6359";

const LIVE_REFUSAL =
  "The portal will not start: REVKEEN_API_KEY is set (live mode) but DATABASE_URL is not, and the embedded database cannot write " +
  `its files in ${UNWRITABLE} (ENOTDIR; on Vercel and other read-only filesystems it never can). Billing links kept in memory are ` +
  "lost with each instance, and a returning customer could then not reopen their billing. Set DATABASE_URL to a PostgreSQL (Neon, " +
  "Vercel Postgres, Supabase, RDS…) and run `npm run db:migrate`, or give DATABASE_DIR a folder the server can write.";

function forgetDatabase(): void {
  for (const name of ["database", "database.storage", "database.refusal"]) forgetProcessSingleton(name);
}

beforeEach(() => {
  vi.resetModules();
  forgetDatabase();
  vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
  vi.stubEnv("DATABASE_URL", "");
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  forgetDatabase();
});

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe("where the embedded database keeps its files", () => {
  it("keeps them in a folder it can write, and leaves nothing of its check there", () => {
    const dir = join(ROOT, "writable", "database");
    expect(embeddedStorage(dir)).toEqual({ kind: "files", dir });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("falls back to memory where no file can be written, with the reason", () => {
    expect(embeddedStorage(UNWRITABLE)).toEqual({ kind: "memory", reason: "ENOTDIR" });
  });

  it("keeps them in memory when DATABASE_DIR says so", () => {
    expect(embeddedStorage("memory")).toEqual({ kind: "memory", reason: "configured" });
  });
});

describe("which database the app may run on", () => {
  const inMemory = { kind: "memory", reason: "configured" } as const;

  it("refuses memory with a key in test mode too, naming DATABASE_DIR", () => {
    expect(databaseRefusal({ mode: "test", DATABASE_URL: undefined, DATABASE_DIR: "memory" }, inMemory)).toMatch(
      /^The portal will not start: REVKEEN_API_KEY is set \(test mode\) but DATABASE_URL is not, and DATABASE_DIR=memory keeps the embedded database in memory\. .* Set DATABASE_URL /,
    );
  });

  it("allows memory for the keyless demo, and anything with DATABASE_URL or files", () => {
    expect(databaseRefusal({ mode: "sandbox", DATABASE_URL: undefined, DATABASE_DIR: "memory" }, inMemory)).toBeNull();
    expect(databaseRefusal({ mode: "live", DATABASE_URL: "postgres://db.example/app", DATABASE_DIR: "memory" }, inMemory)).toBeNull();
    expect(databaseRefusal({ mode: "live", DATABASE_URL: undefined, DATABASE_DIR: ".data/database" }, { kind: "files", dir: ".data/database" })).toBeNull();
  });

  it("checks the folder once per process", () => {
    const settings = { mode: "live", DATABASE_URL: undefined, DATABASE_DIR: UNWRITABLE } as const;
    expect(processDatabaseRefusal(settings)).toBe(LIVE_REFUSAL);
    expect(processDatabaseRefusal({ ...settings, DATABASE_DIR: join(ROOT, "writable-later") })).toBe(LIVE_REFUSAL);
  });
});

describe("opening the database", () => {
  it("refuses to start with a live key and an unwritable folder, says to set DATABASE_URL, and answers a readable error", async () => {
    vi.stubEnv("REVKEEN_API_KEY", LIVE_KEY);
    vi.stubEnv("DATABASE_DIR", UNWRITABLE);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { database, withDatabase } = await import("./client");
    const { PortalError } = await import("@/lib/shared/portal-api/errors");

    await expect(database()).rejects.toThrow(LIVE_REFUSAL);
    expect(errors).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(errors.mock.calls[0]?.[0])) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "error", event: "database.refused", detail: LIVE_REFUSAL });

    // Every later use refuses again (nothing is opened in memory behind the merchant's back).
    const failure = await withDatabase("billing_accounts.read", async () => "opened").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PortalError);
    expect(failure).toMatchObject({ code: "database:unavailable", status: 503 });
    expect((failure as Error).message).toBe("Billing is not reachable right now. Please try again.");
    expect(errors.mock.calls.map((call) => String(call[0])).join("\n")).not.toContain(LIVE_KEY);
  });

  it(
    "starts the keyless demo in memory, and logs each billing link kept there as it is made",
    async () => {
      vi.stubEnv("REVKEEN_API_KEY", "");
      vi.stubEnv("DATABASE_DIR", UNWRITABLE);
      const warnings = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      const { withDatabase } = await import("./client");
      const { linkCustomer } = await import("./billing-links");

      expect(await withDatabase("billing_accounts.link", (db) => linkCustomer(db, "github:42", ADA))).toEqual({ linked: true, customerId: ADA });
      const lines = warnings.mock.calls.map((call) => JSON.parse(String(call[0])) as Record<string, unknown>);
      expect(lines.map((line) => line.event)).toEqual(["database.embedded_in_memory", "billing_link.in_memory"]);
      expect(lines[0]).toMatchObject({ reason: "ENOTDIR" });
      expect(lines[1]).toMatchObject({
        customer_id: ADA,
        detail: "this billing link is kept in memory only and is lost when this instance stops; set DATABASE_URL to keep it",
      });
    },
    120_000,
  );
});
