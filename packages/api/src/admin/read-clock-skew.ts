import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

/** How many of the newest events the skew figures are computed from. */
export const CLOCK_SKEW_SAMPLE = 5000;

/**
 * An event whose client time is this far behind its arrival was not sent live: it waited in an
 * offline queue, came in a bulk import or is back-dated history (the demo simulator's). Its "skew"
 * measures the wait, not a clock, so it gets its own bucket and stays out of the percentiles;
 * otherwise a day of imported history reads as a fleet of broken clocks.
 */
export const BACKDATED_AFTER_MS = 3_600_000;
export const BACKDATED_LABEL = ">= 1h (back-dated)";

/** Skew histogram edges in milliseconds of event_ts − client_ts. */
const edges = [-60_000, -5_000, -1_000, 1_000, 5_000, 60_000, BACKDATED_AFTER_MS];
const labels = ["< -60s", "-60s..-5s", "-5s..-1s", "-1s..1s", "1s..5s", "5s..60s", "60s..1h", BACKDATED_LABEL];

export interface ClockSkew {
  sampleSize: number;
  percentilesMs: { p50: number | null; p95: number | null; p99: number | null };
  histogram: { label: string; count: number }[];
}

/**
 * event_ts − client_ts over the newest CLOCK_SKEW_SAMPLE events (percentiles of live-sent ones only) (read backwards on the
 * ingest_seq unique index), keeping those stored in [since, until). Bounded whatever the log size.
 */
export async function readClockSkew(executor: Executor, since: Date, until: Date): Promise<ClockSkew> {
  const bucketOf = sql.join(
    labels.map((_, i) => {
      const lower = i === 0 ? sql`true` : sql`skew_ms >= ${edges[i - 1]}::float8`;
      const upper = i === labels.length - 1 ? sql`true` : sql`skew_ms < ${edges[i]}::float8`;
      return sql`(count(*) filter (where ${lower} and ${upper}))::int`;
    }),
    sql`, `,
  );
  const [row] = await rowsOf<{ n: number; p50: number | null; p95: number | null; p99: number | null; buckets: number[] | string }>(
    executor,
    sql`with recent as (
          select event_ts, client_ts from events order by ingest_seq desc limit ${CLOCK_SKEW_SAMPLE}
        ), sample as (
          select extract(epoch from (event_ts - client_ts))::float8 * 1000 as skew_ms
            from recent
           where client_ts is not null and event_ts >= ${since.toISOString()}::timestamptz and event_ts < ${until.toISOString()}::timestamptz
        )
        select count(*)::int as n,
               percentile_cont(0.5) within group (order by skew_ms) filter (where skew_ms < ${BACKDATED_AFTER_MS}::float8)::float8 as p50,
               percentile_cont(0.95) within group (order by skew_ms) filter (where skew_ms < ${BACKDATED_AFTER_MS}::float8)::float8 as p95,
               percentile_cont(0.99) within group (order by skew_ms) filter (where skew_ms < ${BACKDATED_AFTER_MS}::float8)::float8 as p99,
               to_jsonb(array[${bucketOf}]) as buckets
          from sample`,
  );
  const buckets = typeof row!.buckets === "string" ? (JSON.parse(row!.buckets) as number[]) : row!.buckets;
  return {
    sampleSize: row!.n,
    percentilesMs: { p50: row!.p50, p95: row!.p95, p99: row!.p99 },
    histogram: labels.map((label, i) => ({ label, count: Number(buckets[i] ?? 0) })),
  };
}
