import type { CounterEventName } from "@chronicle/contracts";
import type { Database } from "@chronicle/db";
import { sql } from "drizzle-orm";

/** Seed 004 stores one row per count, with only the viewer, the event and the time. */
export async function recordCounts(db: Database, viewerId: string, event: CounterEventName, count: number, at: Date): Promise<void> {
  await db.orm.execute(sql`
    insert into counter_events (viewer_id, event, created_at)
    select ${viewerId}::uuid, ${event}, ${at.toISOString()}::timestamptz from generate_series(1, ${count}::int)`);
}
