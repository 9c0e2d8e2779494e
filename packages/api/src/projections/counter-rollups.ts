import { rowsOf, type Database } from "@chronicle/db";
import { sql } from "drizzle-orm";

/**
 * Recomputes counter_daily_totals from counter_events for every UTC day that still has raw
 * rows, from the oldest such day on (or from `fromDay`, YYYY-MM-DD). Earlier days keep their
 * totals: they outlive the 30-day raw retention. If a purge cut the oldest raw day in the
 * middle, pass the day after it so that day is not undercounted.
 * Counters are not in the event log, so this is not a Projection; the incremental path is
 * recordCounts, which writes the same totals in the same transaction as the rows.
 * Returns how many (viewer, event, day) totals were written.
 */
export async function rebuildCounterRollups(db: Database, fromDay?: string): Promise<number> {
  return db.transaction(async (tx) => {
    // recordCounts waits while the totals are recomputed, so no count lands between delete and insert.
    await tx.execute(sql`lock table counter_daily_totals in share row exclusive mode`);
    const [bounds] = await rowsOf<{ from_day: string | null }>(
      tx,
      fromDay === undefined
        ? sql`select (min(created_at) at time zone 'UTC')::date::text as from_day from counter_events`
        : sql`select ${fromDay}::date::text as from_day`,
    );
    const from = bounds?.from_day;
    if (!from) return 0;
    await tx.execute(sql`delete from counter_daily_totals where day >= ${from}::date`);
    const written = await rowsOf<{ day: string }>(
      tx,
      sql`
      insert into counter_daily_totals (viewer_id, event, day, total)
      select viewer_id, event, (created_at at time zone 'UTC')::date, count(*)::int
        from counter_events
       where created_at >= (${from}::date::timestamp at time zone 'UTC')
       group by 1, 2, 3
      returning day::text as day`,
    );
    return written.length;
  });
}
