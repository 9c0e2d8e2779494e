import type { AdminSyncBatchesInput, AdminSyncBatchesOutput } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql, type SQL } from "drizzle-orm";
import { isoTimestamp } from "../exam/iso-timestamp.ts";

const windowMs = { "1h": 3_600_000, "24h": 86_400_000, "7d": 604_800_000 } as const;

type Options = Required<NonNullable<Exclude<AdminSyncBatchesInput, undefined>>>;

/** Seed 001's `status: 'error'` is any batch that did not fully complete. */
function statusFilter(status: Options["status"] | undefined): SQL {
  if (status === undefined) return sql`true`;
  if (status === "error") return sql`status <> 'completed'`;
  return sql`status = ${status}`;
}

interface SummaryRow {
  batches: number;
  completed: number;
  averageDurationMs: number | null;
  items: number;
  applied: number;
  duplicates: number;
  conflicts: number;
  failed: number;
}

/**
 * Seed 001's batch logs: sync.batch calls in a window (their ingest_batches rows, read by the
 * start_time index), filtered like seed 001's example query, with the window's success rate,
 * mean duration and how its items ended.
 */
export async function listSyncBatches(executor: Executor, options: Omit<Options, "status"> & { status?: Options["status"] }, now: Date): Promise<AdminSyncBatchesOutput> {
  const since = new Date(now.getTime() - windowMs[options.window]).toISOString();
  const inWindow = sql`endpoint = 'sync.batch' and start_time >= ${since}::timestamptz`;
  const [summary] = await rowsOf<SummaryRow>(
    executor,
    sql`select count(*)::int as batches, (count(*) filter (where status = 'completed'))::int as completed,
               avg(duration_ms)::float8 as "averageDurationMs", coalesce(sum(item_count), 0)::int as items,
               coalesce(sum(success_count), 0)::int as applied, coalesce(sum(duplicate_count), 0)::int as duplicates,
               coalesce(sum(conflict_count), 0)::int as conflicts, coalesce(sum(failure_count), 0)::int as failed
          from ingest_batches where ${inWindow}`,
  );
  const batches = await rowsOf<AdminSyncBatchesOutput["batches"][number]>(
    executor,
    sql`select batch_id::text as "batchId", client_batch_id as "clientBatchId", user_id::text as "userId",
               ${isoTimestamp(sql`start_time`)} as "startTime", duration_ms as "durationMs", status,
               item_count as "itemCount", success_count as "successCount", duplicate_count as "duplicateCount",
               failure_count as "failureCount", conflict_count as "conflictCount"
          from ingest_batches
         where ${inWindow} and ${statusFilter(options.status)} and ${options.withConflicts ? sql`conflict_count > 0` : sql`true`}
         order by start_time desc, batch_id
         limit ${options.limit}`,
  );
  const s = summary!;
  return {
    summary: {
      batches: s.batches,
      successRatePercent: s.batches === 0 ? null : Math.round((s.completed * 10_000) / s.batches) / 100,
      averageDurationMs: s.averageDurationMs === null ? null : Math.round(Number(s.averageDurationMs) * 10) / 10,
      items: s.items,
      conflicts: s.conflicts,
      outcomes: { applied: s.applied, duplicates: s.duplicates, conflicts: s.conflicts, failed: s.failed },
    },
    batches,
  };
}
