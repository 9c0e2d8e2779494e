import { createDb, type Database } from "@chronicle/db";
import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { parquetReadObjects } from "hyparquet";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendVisible, pauseEvent } from "../projections/testing/log-fixtures.ts";
import { exportEvents } from "./export-events.ts";

/** Every Parquet file under the export folder, as a warehouse loader globbing `events/run=*` finds them. */
function filesOnDisk(outDir: string): string[] {
  const events = join(outDir, "events");
  return readdirSync(events)
    .filter((folder) => folder.startsWith("run="))
    .flatMap((folder) => readdirSync(join(events, folder)).map((file) => join("events", folder, file)));
}

async function idsIn(outDir: string, path: string): Promise<string[]> {
  const bytes = readFileSync(join(outDir, path));
  const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), columns: ["id"] });
  return rows.map((row) => row.id as string);
}

/** A second process's own connection pool to the same database (PGlite has only the one). */
async function secondWorker(db: Database): Promise<Database> {
  if (db.driver === "pglite") return db;
  const [current] = await db.rows<{ name: string }>(sql`select current_database() as name`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${current!.name}`;
  return createDb({ kind: "postgres", url: url.toString(), maxConnections: 3 }, { migrate: false });
}

describe.each(databaseTargets())("two workers exporting at once on %s", (driver) => {
  let db: Database;
  let other: Database;
  const outDir = mkdtempSync(join(tmpdir(), "chronicle-export-race-"));
  beforeAll(async () => {
    db = await createTestDb(driver);
    other = await secondWorker(db);
  }, 120_000);
  afterAll(async () => {
    if (other !== db) await other?.close();
    await db?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it("put each event in exactly one successful run, and no other files in the export folder", async () => {
    const appended: string[] = [];
    let isWriting = true;
    const writer = (async () => {
      for (let round = 0; round < 15; round += 1) {
        const batch = Array.from({ length: 20 }, () => pauseEvent());
        await appendVisible(db, batch);
        appended.push(...batch.map((event) => event.id));
      }
      isWriting = false;
    })();
    let refusals = 0;
    const exporter = async (worker: Database) => {
      for (let round = 0; isWriting || round < 3; round += 1) {
        try {
          await exportEvents(worker, { outDir, actor: `worker ${worker === db ? "A" : "B"}`, fileRows: 7 });
        } catch (error) {
          if (!/has been running since/.test((error as Error).message)) throw error;
          refusals += 1;
        }
      }
    };
    await Promise.all([writer, exporter(db), exporter(other)]);
    // Whatever the race left behind, a last run exports it.
    await exportEvents(db, { outDir, actor: "final" });

    const runs = await db.rows<{ id: number; status: string; files: { path: string }[] }>(
      sql`select id::int as id, status, files from export_runs order by id`,
    );
    expect(runs.filter((run) => run.status === "running")).toEqual([]);
    const succeededFiles = runs.filter((run) => run.status === "succeeded").flatMap((run) => run.files.map((file) => file.path));
    expect(filesOnDisk(outDir).sort()).toEqual([...succeededFiles].sort());

    const timesSeen = new Map<string, number>();
    for (const path of succeededFiles) for (const id of await idsIn(outDir, path)) timesSeen.set(id, (timesSeen.get(id) ?? 0) + 1);
    expect([...timesSeen.keys()].sort()).toEqual([...appended].sort());
    expect([...timesSeen.values()].filter((count) => count !== 1)).toEqual([]);
    // The two workers really did collide (otherwise this proves nothing on PostgreSQL).
    if (driver === "postgres") expect(refusals).toBeGreaterThan(0);
  }, 120_000);
});
