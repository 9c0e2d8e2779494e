import { appendEvents, createDb, type Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { parquetReadObjects } from "hyparquet";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { exportEvents } from "@chronicle/api/export/export-events.ts";
import { partialRunFolder, runFolder } from "@chronicle/api/export/export-run-lease.ts";
import { pauseEvent } from "@chronicle/api/projections/testing/log-fixtures.ts";
import { createFreshDatabase, type FreshDatabase } from "./testing/fresh-database.ts";
import { startServe, type ServeProcess } from "./testing/serve-process.ts";

const bin = resolve(import.meta.dirname, "../../bin/chronicle.mjs");
const SECRET = "dead-exporter-secret-0123456789abcdef";
const EVENTS = 30_000;
/** Small files, so the run writes hundreds of them and is still writing when it is killed. */
const FILE_ROWS = 100;
/** The export lease TTL for this test (default 30 s), so the proof fits in a minute. */
const LEASE_SECONDS = 5;

/** Every Parquet file a loader globbing `events/run=*` would find. */
function filesInRunFolders(outDir: string): string[] {
  const events = join(outDir, "events");
  if (!existsSync(events)) return [];
  return readdirSync(events)
    .filter((folder) => folder.startsWith("run="))
    .flatMap((folder) => readdirSync(join(events, folder)).map((file) => join("events", folder, file)));
}

function partsIn(folder: string): number {
  return existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith(".parquet")).length : 0;
}

async function idsIn(path: string): Promise<string[]> {
  const bytes = readFileSync(path);
  const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), columns: ["id"] });
  return rows.map((row) => row.id as string);
}

describe.skipIf(!process.env.DATABASE_URL)("an exporter killed with kill -9 mid-run (PostgreSQL only: embedded PGlite is one process)", () => {
  let database: FreshDatabase | undefined;
  let db: Database | undefined;
  let worker: ServeProcess | undefined;
  let exporter: ChildProcess | undefined;
  const outDir = mkdtempSync(join(tmpdir(), "chronicle-dead-exporter-"));
  afterAll(async () => {
    exporter?.kill("SIGKILL");
    worker?.child.kill("SIGKILL");
    await worker?.exited;
    await db?.close();
    await database?.drop();
    rmSync(outDir, { recursive: true, force: true });
  });

  it("is abandoned and its files removed by a worker, and the next export has every event exactly once", async () => {
    database = await createFreshDatabase();
    // The worker runs abandon-dead-export-runs; it has no CHRONICLE_EXPORT_DIR, so it never exports itself.
    worker = await startServe("worker", { DATABASE_URL: database.url, NODE_ENV: "production", CHRONICLE_JWT_SECRET: SECRET });
    db = await createDb({ kind: "postgres", url: database.url, maxConnections: 2 }, { migrate: false });
    const ids: string[] = [];
    for (let batch = 0; batch < EVENTS / 2000; batch += 1) {
      const events = Array.from({ length: 2000 }, () => pauseEvent());
      await appendEvents(db.orm, events);
      ids.push(...events.map((event) => event.id));
    }

    // A real `chronicle export` process, killed once it has written a few part files.
    let output = "";
    exporter = spawn(process.execPath, [bin, "export", "--out", outDir], {
      env: { ...process.env, DATABASE_URL: database.url, CHRONICLE_EXPORT_FILE_ROWS: String(FILE_ROWS), CHRONICLE_EXPORT_LEASE_SECONDS: String(LEASE_SECONDS) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    exporter.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    exporter.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<string>((done) => exporter!.once("exit", (code, signal) => done(signal ?? `exit ${code}`)));
    let runId: number | undefined;
    const startedAt = Date.now();
    while (runId === undefined || partsIn(join(outDir, partialRunFolder(runId))) < 3) {
      if (Date.now() - startedAt > 30_000) throw new Error(`The export wrote no part files within 30 s:\n${output}`);
      if (exporter.exitCode !== null) throw new Error(`The export finished before it could be killed; make it longer:\n${output}`);
      [runId] = (await db.rows<{ id: number }>(sql`select id::int as id from export_runs where status = 'running'`)).map((row) => row.id);
      await sleep(20);
    }
    exporter.kill("SIGKILL");
    const killedAt = Date.now();
    expect(await exited).toBe("SIGKILL");
    const partsAtKill = partsIn(join(outDir, partialRunFolder(runId)));
    const [atKill] = await db.rows<{ status: string }>(sql`select status from export_runs where id = ${runId}`);
    // Really mid-run: it was still running, and far from its last file.
    expect(atKill!.status).toBe("running");
    expect(partsAtKill).toBeLessThan(EVENTS / FILE_ROWS / 2);

    // Another process (the worker's abandon-dead-export-runs job) notices the expired lease and cleans up.
    const runStatus = async () => (await db!.rows<{ status: string }>(sql`select status from export_runs where id = ${runId}`))[0]!.status;
    const isGone = () => !existsSync(join(outDir, partialRunFolder(runId!))) && !existsSync(join(outDir, runFolder(runId!)));
    for (;;) {
      // Meanwhile no loader ever sees a file of the dead run.
      expect(filesInRunFolders(outDir)).toEqual([]);
      if ((await runStatus()) !== "running" && isGone()) break;
      if (Date.now() - killedAt > 120_000) throw new Error(`Run ${runId} was not cleaned up within 2 minutes of kill -9: ${await runStatus()}`);
      await sleep(100);
    }
    const cleanupMs = Date.now() - killedAt;
    const [abandoned] = await db.rows<{ status: string; error: string }>(sql`select status, error from export_runs where id = ${runId}`);
    expect(abandoned).toMatchObject({ status: "abandoned", error: expect.stringMatching(/stopped renewing/) });
    // No other export ran yet, so the worker's job did it.
    console.log(
      `[measure] export run ${runId} killed with kill -9 after ${partsAtKill} part files; the worker abandoned it and removed its files ` +
        `${(cleanupMs / 1000).toFixed(1)} s after the kill (lease TTL ${LEASE_SECONDS} s, abandon-dead-export-runs every 10 s)`,
    );

    // The next export starts where the last successful run stopped: every event, each exactly once.
    const next = await exportEvents(db, { outDir, actor: "after the kill", fileRows: 5000 });
    expect(next.events).toBe(EVENTS);
    const succeeded = await db.rows<{ id: number; files: { path: string }[] }>(
      sql`select id::int as id, files from export_runs where status = 'succeeded' order by id`,
    );
    // Each successful run's folder holds exactly the files that run recorded, nothing from another run.
    expect(filesInRunFolders(outDir).sort()).toEqual(succeeded.flatMap((run) => run.files.map((file) => file.path)).sort());
    for (const run of succeeded) for (const file of run.files) expect(file.path.startsWith(`${runFolder(run.id)}/`)).toBe(true);
    const seen = new Map<string, number>();
    for (const path of filesInRunFolders(outDir)) {
      for (const id of await idsIn(join(outDir, path))) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    expect([...seen.values()].filter((count) => count !== 1)).toEqual([]);
    expect([...seen.keys()].sort()).toEqual([...ids].sort());
  }, 90_000);
});
