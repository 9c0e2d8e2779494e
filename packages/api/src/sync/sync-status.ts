import type { SyncStatusOutput } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { SYNC_HEALTH_WINDOW_BATCHES, syncHealthOf } from "./sync-health.ts";

/**
 * Seed 001's sync status for one learner, from the sync.batch rows of the batch log:
 * lastSyncTime is the latest batch's end, totalItems the items ever applied, syncHealth the
 * failed-item share of the last 20 batches. pendingItems lives on the client, which reports it.
 */
export async function syncStatusOf(executor: Executor, userId: string, pendingItems: number): Promise<SyncStatusOutput> {
  const [row] = await rowsOf<{ last_sync: string | null; total: number; recent_failed: number; recent_items: number }>(
    executor,
    sql`with mine as (
          select end_time, start_time, item_count, success_count, failure_count
            from ingest_batches where user_id = ${userId}::uuid and endpoint = 'sync.batch'),
        recent as (select item_count, failure_count from mine order by start_time desc limit ${SYNC_HEALTH_WINDOW_BATCHES})
        select (select to_char(max(end_time) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from mine) as last_sync,
               (select coalesce(sum(success_count), 0)::int from mine) as total,
               (select coalesce(sum(failure_count), 0)::int from recent) as recent_failed,
               (select coalesce(sum(item_count), 0)::int from recent) as recent_items`,
  );
  return {
    syncStatus: {
      lastSyncTime: row?.last_sync ?? null,
      pendingItems,
      totalItems: row?.total ?? 0,
      syncHealth: syncHealthOf(row?.recent_failed ?? 0, row?.recent_items ?? 0),
    },
  };
}
