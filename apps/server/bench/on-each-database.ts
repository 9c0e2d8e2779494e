import { createDb, type Database } from "@chronicle/db";
import { createTestDb } from "@chronicle/db/testing";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

type Target = "pglite" | "postgres";
const targets: readonly Target[] = ["pglite", "postgres"];

/** BENCH_DATABASES=postgres (or pglite, or both comma-separated) measures only those. */
function chosenTargets(): Target[] {
  const raw = process.env.BENCH_DATABASES;
  if (!raw) return [...targets];
  const chosen = raw.split(",").map((name) => name.trim());
  const unknown = chosen.filter((name) => !targets.includes(name as Target));
  if (unknown.length > 0) throw new Error(`BENCH_DATABASES names ${unknown.join(", ")}; use pglite, postgres or both, comma-separated.`);
  return chosen as Target[];
}

/**
 * Runs a benchmark on PGlite (a temporary data folder) and, when DATABASE_URL is set, on a
 * throw-away PostgreSQL database. BENCH_KEEP=1 keeps the PGlite folder for EXPLAIN work.
 */
export async function onEachDatabase(name: string, bench: (label: string, db: Database) => Promise<void>): Promise<void> {
  const chosen = chosenTargets();
  if (chosen.includes("pglite")) {
    const dataDir = mkdtempSync(join(tmpdir(), `chronicle-${name}-`));
    try {
      const pglite = await createDb({ kind: "pglite", dataDir });
      await bench("pglite", pglite);
      await pglite.close();
    } finally {
      if (process.env.BENCH_KEEP === "1") console.log(`pglite data kept in ${dataDir} (open it with createDb({ kind: "pglite", dataDir }))`);
      else rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (!chosen.includes("postgres")) return;
  if (!process.env.DATABASE_URL) {
    console.log("postgres  skipped: set DATABASE_URL to measure PostgreSQL too");
    return;
  }
  const postgres = await createTestDb("postgres");
  try {
    await bench("postgres", postgres);
  } finally {
    await postgres.close();
  }
}
