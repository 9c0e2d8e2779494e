import type { Database } from "@chronicle/db";
import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { parquetReadObjects } from "hyparquet";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readExportStatus } from "../admin/export-status.ts";
import { appendVisible, pauseEvent } from "../projections/testing/log-fixtures.ts";
import { acquireLease } from "../cluster/leases.ts";
import { exportEvents } from "./export-events.ts";
import { abandonDeadExportRuns, EXPORT_LEASE, EXPORT_LEASE_TTL_MS, partialRunFolder, publishSucceededRuns, runFolder } from "./export-run-lease.ts";

/** Every row of the Parquet files a run wrote, in file order, as a warehouse would load them. */
async function readBack(outDir: string, files: { path: string }[]): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const file of files) {
    const bytes = readFileSync(join(outDir, file.path));
    rows.push(...(await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })));
  }
  return rows;
}

describe.each(databaseTargets())("the incremental Parquet export on %s", (driver) => {
  let db: Database;
  const outDir = mkdtempSync(join(tmpdir(), "chronicle-export-"));
  beforeAll(async () => {
    db = await createTestDb(driver);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it("writes every event once, in log order, as Parquet a reader loads back field for field", async () => {
    const events = [
      pauseEvent({ client_ts: "2026-11-20T08:00:00.123Z", seq: 4, source: "mobile" }),
      pauseEvent({ payload_json: { state: "focus" } }),
      pauseEvent({ question_id: crypto.randomUUID(), source: null }),
      pauseEvent(),
      pauseEvent(),
    ];
    await appendVisible(db, events);
    const report = await exportEvents(db, { outDir, actor: "test", fileRows: 2 });
    expect(report.events).toBe(5);
    expect(report.files.map((f) => [f.path, f.rows])).toEqual([
      [`events/run=${String(report.runId).padStart(6, "0")}/part-0001.parquet`, 2],
      [`events/run=${String(report.runId).padStart(6, "0")}/part-0002.parquet`, 2],
      [`events/run=${String(report.runId).padStart(6, "0")}/part-0003.parquet`, 1],
    ]);
    const rows = await readBack(outDir, report.files);
    expect(rows.map((row) => row.id)).toEqual(events.map((e) => e.id));
    expect(rows[0]).toMatchObject({ event_type: "PAUSE_BLUR", family: "exam", event_version: 1, seq: 4, source: "mobile", user_id: events[0]!.user_id });
    expect((rows[0]!.client_ts as Date).toISOString()).toBe("2026-11-20T08:00:00.123Z");
    expect(rows[1]!.client_ts).toBeNull();
    expect(rows[1]!.payload_json).toEqual({ state: "focus" });
    expect(rows[2]).toMatchObject({ question_id: events[2]!.question_id, source: null });
    expect(typeof rows[0]!.ingest_seq).toBe("bigint");
  });

  it("exports only what arrived since the last successful run", async () => {
    expect((await exportEvents(db, { outDir, actor: "test" })).events).toBe(0);
    const later = [pauseEvent(), pauseEvent()];
    await appendVisible(db, later);
    expect(await readExportStatus(db.orm)).toMatchObject({ eventsNotExported: 2, eventsNotExportedCapped: false });
    const report = await exportEvents(db, { outDir, actor: "test" });
    expect((await readBack(outDir, report.files)).map((row) => row.id)).toEqual(later.map((e) => e.id));
    expect(await readExportStatus(db.orm)).toMatchObject({ eventsNotExported: 0 });
  });

  it("leaves nothing behind when a run fails, and the next run exports the same events", async () => {
    const missed = [pauseEvent()];
    await appendVisible(db, missed);
    const notAFolder = join(outDir, "not-a-folder");
    writeFileSync(notAFolder, "");
    await expect(exportEvents(db, { outDir: notAFolder, actor: "test" })).rejects.toThrow(/failed and wrote nothing .* the next run exports the same events again/);
    const status = await readExportStatus(db.orm);
    expect(status.runs[0]).toMatchObject({ status: "failed", eventsExported: 0 });
    expect(status.runs[0]!.error).toMatch(/ENOTDIR|EEXIST|not a directory/i);

    const retry = await exportEvents(db, { outDir, actor: "test" });
    expect((await readBack(outDir, retry.files)).map((row) => row.id)).toEqual(missed.map((e) => e.id));
  });

  it("runs one export at a time, and any worker cleans up a run whose process died", async () => {
    const other = await acquireLease(db, EXPORT_LEASE, "other-worker", EXPORT_LEASE_TTL_MS);
    const [dead] = await db.rows<{ id: number }>(
      sql`insert into export_runs (actor, status, from_tx_id, from_ingest_seq, through_tx_id, through_ingest_seq, out_dir, lease_token, lease_expires_at)
          values ('other', 'running', 0, 0, 0, 0, ${outDir}, ${other!.token}, clock_timestamp() + interval '30 seconds') returning id::int as id`,
    );
    const deadFolder = join(outDir, partialRunFolder(dead!.id));
    mkdirSync(deadFolder, { recursive: true });
    writeFileSync(join(deadFolder, "part-0001.parquet"), "half a file");
    await expect(exportEvents(db, { outDir, actor: "test" })).rejects.toThrow(/Export run \d+ has been running since .*; wait for it to finish/);
    expect(await abandonDeadExportRuns(db)).toEqual([]);

    // kill -9: nobody renews any more, so the run's lease runs out.
    await db.rows(sql`update export_runs set lease_expires_at = clock_timestamp() - interval '1 second' where id = ${dead!.id}`);
    await db.rows(sql`update leases set expires_at = clock_timestamp() - interval '1 second' where name = ${EXPORT_LEASE}`);
    expect(await abandonDeadExportRuns(db)).toEqual([dead!.id]);
    expect(existsSync(deadFolder)).toBe(false);
    const [abandoned] = await db.rows<{ status: string; error: string }>(sql`select status, error from export_runs where id = ${dead!.id}`);
    expect(abandoned).toMatchObject({ status: "abandoned", error: expect.stringMatching(/stopped renewing the export lease/) });
    expect((await exportEvents(db, { outDir, actor: "test" })).events).toBe(0);
  });

  it("shows a run's folder only once the run has succeeded; a run that died between its commit and its rename is published by a worker", async () => {
    await appendVisible(db, [pauseEvent(), pauseEvent(), pauseEvent()]);
    const report = await exportEvents(db, { outDir, actor: "test" });
    expect(report.events).toBe(3);
    // The state a process leaves when it dies right after committing `succeeded`: files still hidden.
    renameSync(join(outDir, runFolder(report.runId)), join(outDir, partialRunFolder(report.runId)));
    const visibleRuns = () => readdirSync(join(outDir, "events")).filter((name) => name.startsWith("run="));
    expect(visibleRuns()).not.toContain(`run=${String(report.runId).padStart(6, "0")}`);

    expect(await publishSucceededRuns(db, outDir)).toEqual([report.runId]);
    expect(visibleRuns()).toContain(`run=${String(report.runId).padStart(6, "0")}`);
    expect((await readBack(outDir, report.files)).length).toBe(3);
    // Published once: a second pass finds nothing to do, and the next run exports nothing again.
    expect(await publishSucceededRuns(db, outDir)).toEqual([]);
    expect((await exportEvents(db, { outDir, actor: "test" })).events).toBe(0);
  });
});
