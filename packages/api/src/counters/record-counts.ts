import type { CounterEventName } from "@chronicle/contracts";
import type { Database } from "@chronicle/db";
import { sql } from "drizzle-orm";

/**
 * Seed 004 stores one row per count, with only the viewer, the event and the time. The daily
 * total moves in the same transaction, so it never disagrees with the rows it summarises
 * (rebuildCounterRollups recomputes the same numbers from the rows).
 */
export async function recordCounts(db: Database, viewerId: string, event: CounterEventName, count: number, at: Date): Promise<void> {
  const createdAt = at.toISOString();
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into counter_events (viewer_id, event, created_at)
      select ${viewerId}::uuid, ${event}, ${createdAt}::timestamptz from generate_series(1, ${count}::int)`);
    await tx.execute(sql`
      insert into counter_daily_totals (viewer_id, event, day, total)
      values (${viewerId}::uuid, ${event}, (${createdAt}::timestamptz at time zone 'UTC')::date, ${count}::int)
      on conflict (viewer_id, event, day) do update set total = counter_daily_totals.total + excluded.total`);
  });
}
