import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { storeFailureSnapshot } from "../observability/ingest-metrics.ts";

export interface StoreFailureCounts {
  batches: number;
  events: number;
  sinceProcessStart: number;
}

/** Batches the event store refused in [since, until): persisted ones (ingest_store_failures_failed_at_idx) plus this process's unpersisted ones. */
export async function readStoreFailures(executor: Executor, since: Date, until: Date): Promise<StoreFailureCounts> {
  const [row] = await rowsOf<{ batches: number; events: number; batch_ids: string[] | string }>(
    executor,
    sql`select count(*)::int as batches, coalesce(sum(event_count), 0)::float8 as events,
               coalesce(jsonb_agg(batch_id::text), '[]'::jsonb) as batch_ids
          from ingest_store_failures
         where failed_at >= ${since.toISOString()}::timestamptz and failed_at < ${until.toISOString()}::timestamptz`,
  );
  const persisted = new Set(typeof row!.batch_ids === "string" ? (JSON.parse(row!.batch_ids) as string[]) : row!.batch_ids);
  const { unpersisted, sinceProcessStart } = storeFailureSnapshot();
  const extra = unpersisted.filter((failure) => {
    const at = Date.parse(failure.failedAt);
    return at >= since.getTime() && at < until.getTime() && !persisted.has(failure.batchId);
  });
  return {
    batches: row!.batches + extra.length,
    events: Number(row!.events) + extra.reduce((sum, failure) => sum + failure.eventCount, 0),
    sinceProcessStart,
  };
}
