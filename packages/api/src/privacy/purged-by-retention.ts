import { eventFamilies } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

/**
 * Events retention has taken out of the log, and the newest cutoff. A rebuild reads only the
 * log, so after a purge it would drop those events from aggregates that still hold them.
 * (Erasure is different: a rebuild that leaves an erased learner out is what erasure wants.)
 */
export async function eventsPurgedByRetention(executor: Executor): Promise<{ events: number; latestCutoff: string | null }> {
  const [row] = await rowsOf<{ events: number; latest: string | null }>(
    executor,
    sql`select coalesce(sum(events_deleted), 0)::int as events, max(cutoff)::text as latest from purge_audit
         where user_id is null and events_deleted > 0
           and family in (select value from jsonb_array_elements_text(${JSON.stringify(eventFamilies)}::jsonb))`,
  );
  return { events: row?.events ?? 0, latestCutoff: row?.latest ?? null };
}
