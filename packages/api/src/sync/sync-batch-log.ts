import type { SyncItemResult } from "@chronicle/contracts";
import { recordIngestBatch, type Executor, type IngestBatchStatus } from "@chronicle/db";
import { sql } from "drizzle-orm";

export interface SyncBatchCounts {
  items: number;
  /** Items whose value is now the server's: synced, or conflicts resolved for the client. */
  applied: number;
  duplicates: number;
  failed: number;
  conflicts: number;
}

export function countSyncResults(results: readonly SyncItemResult[]): SyncBatchCounts {
  const counts: SyncBatchCounts = { items: results.length, applied: 0, duplicates: 0, failed: 0, conflicts: 0 };
  for (const result of results) {
    if (result.status === "synced" || (result.status === "conflict" && result.resolution === "client")) counts.applied += 1;
    if (result.status === "duplicate") counts.duplicates += 1;
    if (result.status === "failed") counts.failed += 1;
    if (result.status === "conflict") counts.conflicts += 1;
  }
  return counts;
}

export interface SyncBatchLog {
  batchId: string;
  /** True when the ingest pipeline already wrote the row for the batch's event items. */
  isRowWritten: boolean;
  clientBatchId: string;
  userId: string;
  startTime: Date;
  durationMs: number;
  counts: SyncBatchCounts;
}

/**
 * One ingest_batches row for the whole sync batch. Event items are logged by the ingest
 * pipeline under the same batch id; that row is then widened to every item of the batch.
 */
export async function writeSyncBatchLog(tx: Executor, log: SyncBatchLog): Promise<void> {
  const { counts } = log;
  const status: IngestBatchStatus = counts.failed === 0 ? "completed" : counts.failed < counts.items ? "partial" : "failed";
  if (!log.isRowWritten) {
    return recordIngestBatch(tx, {
      batchId: log.batchId,
      clientBatchId: log.clientBatchId,
      userId: log.userId,
      endpoint: "sync.batch",
      source: null,
      itemCount: counts.items,
      successCount: counts.applied,
      duplicateCount: counts.duplicates,
      failureCount: counts.failed,
      conflictCount: counts.conflicts,
      startTime: log.startTime.toISOString(),
      durationMs: log.durationMs,
      status,
    });
  }
  await tx.execute(sql`
    update ingest_batches
       set item_count = ${counts.items}, success_count = ${counts.applied}, duplicate_count = ${counts.duplicates},
           failure_count = ${counts.failed}, conflict_count = ${counts.conflicts}, start_time = ${log.startTime.toISOString()}::timestamptz,
           end_time = now(), duration_ms = ${log.durationMs}, status = ${status}
     where batch_id = ${log.batchId}::uuid`);
}
