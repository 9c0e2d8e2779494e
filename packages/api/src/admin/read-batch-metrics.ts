import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { batchSizeRanges, hardLimitBatchSizes } from "./batch-size-buckets.ts";
import type { IngestionWindow } from "./ingestion-window.ts";

export interface BatchMetrics {
  batches: number;
  eventsReceived: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  conflicts: number;
  latency: { p50: number | null; p95: number | null; p99: number | null };
  batchSizeCounts: number[];
  /** Batches of exactly 50 or 1000 events. */
  batchesAtHardLimit: number;
  /** Batch endpoints only: telemetry.track sends one event per call by design. */
  batchesExcludingTrack: number;
  singleEventBatchesExcludingTrack: number;
}

interface MetricsRow {
  batches: number;
  items: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  conflicts: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  at_limit: number;
  batch_calls: number;
  single_batch_calls: number;
  sizes: number[] | string;
}

/** Totals, insert latency and the batch-size histogram of the window, in one pass over ingest_batches_start_time_idx. */
export async function readBatchMetrics(executor: Executor, window: IngestionWindow): Promise<BatchMetrics> {
  const sizeCounts = sql.join(
    batchSizeRanges.map((range) => sql`count(*) filter (where item_count between ${range.min}::int and ${range.max}::int)`),
    sql`, `,
  );
  const [row] = await rowsOf<MetricsRow>(
    executor,
    sql`select count(*)::int as batches,
               coalesce(sum(item_count), 0)::float8 as items,
               coalesce(sum(success_count), 0)::float8 as accepted,
               coalesce(sum(duplicate_count), 0)::float8 as duplicates,
               coalesce(sum(failure_count), 0)::float8 as rejected,
               coalesce(sum(conflict_count), 0)::float8 as conflicts,
               percentile_cont(0.5) within group (order by duration_ms)::float8 as p50,
               percentile_cont(0.95) within group (order by duration_ms)::float8 as p95,
               percentile_cont(0.99) within group (order by duration_ms)::float8 as p99,
               (count(*) filter (where item_count in (select value::int from jsonb_array_elements_text(${JSON.stringify(hardLimitBatchSizes)}::jsonb))))::int as at_limit,
               (count(*) filter (where endpoint <> 'telemetry.track'))::int as batch_calls,
               (count(*) filter (where endpoint <> 'telemetry.track' and item_count = 1))::int as single_batch_calls,
               to_jsonb(array[${sizeCounts}]) as sizes
          from ingest_batches
         where start_time >= ${window.since.toISOString()}::timestamptz and start_time < ${window.until.toISOString()}::timestamptz`,
  );
  const sizes = typeof row!.sizes === "string" ? (JSON.parse(row!.sizes) as number[]) : row!.sizes;
  return {
    batches: row!.batches,
    eventsReceived: Number(row!.items),
    accepted: Number(row!.accepted),
    duplicates: Number(row!.duplicates),
    rejected: Number(row!.rejected),
    conflicts: Number(row!.conflicts),
    latency: { p50: row!.p50, p95: row!.p95, p99: row!.p99 },
    batchSizeCounts: sizes.map(Number),
    batchesAtHardLimit: row!.at_limit,
    batchesExcludingTrack: row!.batch_calls,
    singleEventBatchesExcludingTrack: row!.single_batch_calls,
  };
}
