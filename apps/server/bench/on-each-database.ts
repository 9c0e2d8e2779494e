import { createDb, type Database } from "@chronicle/db";
import { createTestDb } from "@chronicle/db/testing";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs a benchmark on PGlite (a temporary data folder) and, when DATABASE_URL is set, on a
 * throw-away PostgreSQL database. BENCH_KEEP=1 keeps the PGlite folder for EXPLAIN work.
 */
export async function onEachDatabase(name: string, bench: (label: string, db: Database) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), `chronicle-${name}-`));
  try {
    const pglite = await createDb({ kind: "pglite", dataDir });
    await bench("pglite", pglite);
    await pglite.close();
    if (process.env.DATABASE_URL) {
      const postgres = await createTestDb("postgres");
      await bench("postgres", postgres);
      await postgres.close();
    } else {
      console.log("postgres  skipped: set DATABASE_URL to measure PostgreSQL too");
    }
  } finally {
    if (process.env.BENCH_KEEP === "1") console.log(`pglite data kept in ${dataDir} (open it with createDb({ kind: "pglite", dataDir }))`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}
