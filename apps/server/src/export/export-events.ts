import { rowsOf, type Database, type Executor, type ExportedFile } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readLogHead } from "../projections/log-head.ts";
import type { LogPosition } from "../projections/read-log.ts";
import { eventsToParquet } from "./events-to-parquet.ts";
import { readExportPage } from "./read-export-page.ts";

/** Rows per Parquet file: large enough for a warehouse, small enough to build in memory. */
export const EXPORT_FILE_ROWS = 50_000;

export interface ExportReport {
  runId: number;
  events: number;
  files: ExportedFile[];
  from: LogPosition;
  through: LogPosition;
}

/**
 * The incremental export: every event after the last successful run, up to the log head (below
 * the oldest running transaction, so nothing can still appear behind it), as Parquet files in
 * `<outDir>/events/run=<id>/part-<n>.parquet`. A run that fails removes its folder and leaves
 * the position where it was, so the next run exports the same events again; each event is in
 * exactly one successful run.
 */
export async function exportEvents(db: Database, options: { outDir: string; actor: string; fileRows?: number }): Promise<ExportReport> {
  const from = (await lastExportedPosition(db.orm)) ?? { txId: 0, ingestSeq: 0 };
  const through = await readLogHead(db.orm);
  const runId = await startRun(db, options.actor, from, through);
  const runDir = join("events", `run=${String(runId).padStart(6, "0")}`);
  const files: ExportedFile[] = [];
  try {
    let after = from;
    for (let part = 1; ; part += 1) {
      const rows = await readExportPage(db.orm, after, through, options.fileRows ?? EXPORT_FILE_ROWS);
      if (rows.length === 0) break;
      files.push(await writeParquet(options.outDir, join(runDir, `part-${String(part).padStart(4, "0")}.parquet`), rows));
      const last = rows.at(-1)!;
      after = { txId: last.txId, ingestSeq: last.ingestSeq };
    }
    const events = files.reduce((sum, file) => sum + file.rows, 0);
    await db.rows(sql`update export_runs set status = 'succeeded', finished_at = now(), events_exported = ${events}, files = ${JSON.stringify(files)}::jsonb
                       where id = ${runId}`);
    return { runId, events, files, from, through };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.rows(sql`update export_runs set status = 'failed', finished_at = now(), error = ${message} where id = ${runId}`);
    // Best effort: the folder may not even be creatable, which is often why the run failed.
    await rm(join(options.outDir, runDir), { recursive: true, force: true }).catch(() => undefined);
    throw new Error(`Export run ${runId} failed and wrote nothing (${message}); the next run exports the same events again.`, { cause: error });
  }
}

/** Where the last successful export run stopped, or null when none has succeeded. */
export async function lastExportedPosition(executor: Executor): Promise<LogPosition | null> {
  const [row] = await rowsOf<{ tx_id: string; ingest_seq: string }>(
    executor,
    sql`select through_tx_id::text as tx_id, through_ingest_seq::text as ingest_seq from export_runs
         where status = 'succeeded' order by id desc limit 1`,
  );
  return row ? { txId: Number(row.tx_id), ingestSeq: Number(row.ingest_seq) } : null;
}

/** A run still marked running after this long died with its process; its slot is freed. */
const ABANDONED_AFTER = "1 hour";

/** Claims the one running slot (a unique index allows one 'running' row), or says who holds it. */
async function startRun(db: Database, actor: string, from: LogPosition, through: LogPosition): Promise<number> {
  await db.rows(sql`update export_runs set status = 'failed', finished_at = now(), error = 'abandoned: still running after ${sql.raw(ABANDONED_AFTER)}'
                     where status = 'running' and started_at < now() - ${ABANDONED_AFTER}::interval`);
  const claimed = await rowsOf<{ id: number }>(
    db.orm,
    sql`insert into export_runs (actor, from_tx_id, from_ingest_seq, through_tx_id, through_ingest_seq)
        values (${actor}, ${from.txId}, ${from.ingestSeq}, ${through.txId}, ${through.ingestSeq})
        on conflict do nothing returning id::int as id`,
  );
  if (claimed[0]) return claimed[0].id;
  const [running] = await rowsOf<{ id: number; started_at: string }>(db.orm, sql`select id::int as id, started_at::text as started_at from export_runs where status = 'running'`);
  throw new Error(`Export run ${running?.id ?? "?"} has been running since ${running?.started_at ?? "a moment ago"}; wait for it to finish before starting another.`);
}

/** Written under a temporary name and renamed, so a reader never sees half a file. */
async function writeParquet(outDir: string, path: string, rows: Parameters<typeof eventsToParquet>[0]): Promise<ExportedFile> {
  const bytes = eventsToParquet(rows);
  const target = join(outDir, path);
  await mkdir(join(target, ".."), { recursive: true });
  await writeFile(`${target}.partial`, bytes);
  await rename(`${target}.partial`, target);
  return { path, rows: rows.length, bytes: bytes.byteLength };
}
