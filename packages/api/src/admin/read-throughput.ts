import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { IngestionWindow } from "./ingestion-window.ts";

export interface ThroughputBucket {
  start: string;
  events: number;
  eventsPerSecond: number;
}

/** Accepted events per bucket of the window (zero-filled), from ingest_batches success counts. */
export async function readThroughput(executor: Executor, window: IngestionWindow): Promise<ThroughputBucket[]> {
  const since = window.since.toISOString();
  const rows = await rowsOf<{ bucket: number; events: number }>(
    executor,
    sql`select floor(extract(epoch from (start_time - ${since}::timestamptz)) / ${window.bucketSeconds}::int)::int as bucket,
               sum(success_count)::float8 as events
          from ingest_batches
         where start_time >= ${since}::timestamptz and start_time < ${window.until.toISOString()}::timestamptz
         group by 1`,
  );
  const events = new Map(rows.map((row) => [row.bucket, Number(row.events)]));
  return Array.from({ length: window.bucketCount }, (_, bucket) => {
    const count = events.get(bucket) ?? 0;
    return {
      start: new Date(window.since.getTime() + bucket * window.bucketSeconds * 1000).toISOString(),
      events: count,
      eventsPerSecond: count / window.bucketSeconds,
    };
  });
}
