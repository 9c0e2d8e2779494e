import { counterEventNames, type CounterEventName } from "@chronicle/contracts";
import type { Database } from "@chronicle/db";
import { sql } from "drizzle-orm";

/** The viewer's counts per event over the last `days` days, with zeros for events never sent. */
export async function summarizeCounts(db: Database, viewerId: string, days: number, now: Date): Promise<Record<CounterEventName, number>> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = await db.rows<{ event: CounterEventName; n: number }>(sql`
    select event, count(*)::int as n from counter_events
     where viewer_id = ${viewerId}::uuid and created_at >= ${since}::timestamptz
     group by event`);
  const counts = Object.fromEntries(counterEventNames.map((name) => [name, 0])) as Record<CounterEventName, number>;
  for (const row of rows) counts[row.event] = row.n;
  return counts;
}
