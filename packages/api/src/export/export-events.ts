import { rowsOf, type Database, type Executor, type ExportedFile } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { acquireLeaseIn, assertLeaseHeld, COORDINATION_TX_LIMITS, newHolderId, releaseLease, type Lease } from "../cluster/leases.ts";
import { readLogHead } from "../projections/log-head.ts";
import type { LogPosition } from "../projections/read-log.ts";
import { eventsToParquet } from "./events-to-parquet.ts";
import {
  abandonDeadRunsIn,
  EXPORT_LEASE,
  EXPORT_LEASE_TTL_MS,
  exportRenewMs,
  partialRunFolder,
  publishRunFolder,
  publishSucceededRuns,
  removeRunFiles,
  renewExportRun,
  runFolder,
} from "./export-run-lease.ts";
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

export interface ExportOptions {
  outDir: string;
  actor: string;
  fileRows?: number;
  /** How long the run stays alive without renewing (CHRONICLE_EXPORT_LEASE_SECONDS). */
  leaseTtlMs?: number;
}

interface ClaimedRun {
  runId: number;
  lease: Lease;
  from: LogPosition;
  through: LogPosition;
}

/**
 * The incremental export: every event after the last successful run, up to the log head, as
 * Parquet files in `<outDir>/events/run=<id>/part-<n>.parquet`.
 *
 * Exactly once, across processes: a run first takes the export lease and, in the same
 * transaction, claims its range (from the last successful run's end to the head) in the ledger,
 * so no two runs can claim overlapping ranges. It writes into a hidden folder, renewing its
 * lease as it goes, commits `succeeded` (fenced), and only then renames the folder to its final
 * name, so a loader never sees files of a run that could still be abandoned; a run whose process
 * died between the commit and the rename is published by the next run or the
 * abandon-dead-export-runs job. A run whose lease was taken over (it froze) writes nothing that
 * stays. A run that fails or dies leaves the position where it was, so the next run exports the
 * same events.
 */
export async function exportEvents(db: Database, options: ExportOptions): Promise<ExportReport> {
  await publishSucceededRuns(db, options.outDir);
  const claim = await claimRun(db, options);
  const { runId, lease, from, through } = claim;
  const ttlMs = options.leaseTtlMs ?? EXPORT_LEASE_TTL_MS;
  const partialDir = partialRunFolder(runId);
  const files: ExportedFile[] = [];
  // Renewed in the background while a file is built; a lost lease stops the run at the next file.
  let lostLease: unknown = null;
  let isRenewing = false;
  const renewer = setInterval(() => {
    if (isRenewing || lostLease) return;
    isRenewing = true;
    renewExportRun(db, runId, lease, ttlMs)
      .catch((error: unknown) => {
        lostLease = error;
      })
      .finally(() => {
        isRenewing = false;
      });
  }, exportRenewMs(ttlMs));
  renewer.unref();
  let isCommitted = false;
  try {
    let after = from;
    for (let part = 1; ; part += 1) {
      if (lostLease) throw lostLease;
      const rows = await readExportPage(db.orm, after, through, options.fileRows ?? EXPORT_FILE_ROWS);
      if (rows.length === 0) break;
      const name = `part-${String(part).padStart(4, "0")}.parquet`;
      const bytes = await writeParquet(join(options.outDir, partialDir, name), rows);
      files.push({ path: join(runFolder(runId), name), rows: rows.length, bytes });
      const last = rows.at(-1)!;
      after = { txId: last.txId, ingestSeq: last.ingestSeq };
      // Progress for the Exports page; the files are listed only when the run succeeds.
      await db.orm.execute(
        sql`update export_runs set events_exported = ${files.reduce((sum, file) => sum + file.rows, 0)} where id = ${runId} and status = 'running'`,
      );
    }
    clearInterval(renewer);
    if (lostLease) throw lostLease;
    await renewExportRun(db, runId, lease, ttlMs);
    const events = files.reduce((sum, file) => sum + file.rows, 0);
    // Commit first, publish after: the folder appears under its final name only once the run
    // can no longer be abandoned (a loader never reads a run that ends up exported again).
    await db.transaction(async (tx) => {
      await assertLeaseHeld(tx, lease, ttlMs);
      const done = await rowsOf<{ id: number }>(
        tx,
        sql`update export_runs set status = 'succeeded', finished_at = now(), events_exported = ${events}, files = ${JSON.stringify(files)}::jsonb,
                                   lease_expires_at = null
             where id = ${runId} and status = 'running' and lease_token = ${lease.token} returning id::int as id`,
      );
      if (done.length === 0) throw new Error(`Export run ${runId} was abandoned by another worker before it finished`);
      await releaseLease(tx, lease);
    });
    isCommitted = true;
    // If this process dies here, the abandon-dead-export-runs job publishes the folder.
    if (files.length > 0) await publishRunFolder(options.outDir, runId);
    return { runId, events, files, from, through };
  } catch (error) {
    // The run succeeded; only its rename failed: its files stay for the job to publish.
    if (isCommitted) throw new Error(`Export run ${runId} succeeded but its folder could not be renamed yet; a worker publishes it shortly.`, { cause: error });
    clearInterval(renewer);
    const message = error instanceof Error ? error.message : String(error);
    // Only our own run, only while still ours: a run another worker abandoned keeps that verdict.
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`update export_runs set status = 'failed', finished_at = now(), error = ${message}, lease_expires_at = null
                              where id = ${runId} and status = 'running' and lease_token = ${lease.token}`);
        await releaseLease(tx, lease);
      })
      .catch(() => undefined);
    // Best effort: the folder may not even be creatable, which is often why the run failed.
    await removeRunFiles([{ id: runId, out_dir: options.outDir }]);
    throw new Error(`Export run ${runId} failed and wrote nothing (${message}); the next run exports the same events again.`, { cause: error });
  }
}

/**
 * Takes the export lease and claims the run's range in one transaction, before reading a single
 * event. Another live run holds the lease, so this one is refused; a dead one is abandoned here.
 */
async function claimRun(db: Database, options: ExportOptions): Promise<ClaimedRun> {
  // A fresh holder per run: a run never mistakes another run of the same process for its own.
  const holder = newHolderId();
  const ttlMs = options.leaseTtlMs ?? EXPORT_LEASE_TTL_MS;
  const claimed = await db.transaction(async (tx) => {
    // Bounded like every coordination transaction: a run frozen here must not hold the export lease row.
    await tx.execute(COORDINATION_TX_LIMITS);
    const lease = await acquireLeaseIn(tx, EXPORT_LEASE, holder, ttlMs);
    if (!lease) return null;
    const dead = await abandonDeadRunsIn(tx, { isLeaseHeld: true });
    const from = (await lastExportedPosition(tx)) ?? { txId: 0, ingestSeq: 0 };
    const through = await readLogHead(tx);
    const [run] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into export_runs (actor, from_tx_id, from_ingest_seq, through_tx_id, through_ingest_seq, out_dir, lease_token, lease_expires_at)
          values (${options.actor}, ${from.txId}, ${from.ingestSeq}, ${through.txId}, ${through.ingestSeq}, ${options.outDir}, ${lease.token},
                  clock_timestamp() + ${ttlMs} * interval '1 millisecond')
          returning id::int as id`,
    );
    return { runId: run!.id, lease, from, through, dead };
  });
  if (!claimed) {
    const [running] = await rowsOf<{ id: number; started_at: string }>(
      db.orm,
      sql`select id::int as id, started_at::text as started_at from export_runs where status = 'running' order by id desc limit 1`,
    );
    throw new Error(`Export run ${running?.id ?? "?"} has been running since ${running?.started_at ?? "a moment ago"}; wait for it to finish before starting another.`);
  }
  await removeRunFiles(claimed.dead, options.outDir);
  return claimed;
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

/** Written under a temporary name and renamed, so a reader never sees half a file. Returns its size in bytes. */
async function writeParquet(target: string, rows: Parameters<typeof eventsToParquet>[0]): Promise<number> {
  const bytes = eventsToParquet(rows);
  await mkdir(join(target, ".."), { recursive: true });
  await writeFile(`${target}.partial`, bytes);
  await rename(`${target}.partial`, target);
  return bytes.byteLength;
}
