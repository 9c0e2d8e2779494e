import type { Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Waits until every transaction up to `txId` has finished, so the log before that position
 * can no longer grow (a transaction that started earlier may still commit rows below it).
 * Returns false when it gave up after `timeoutMs`.
 */
export async function waitForLogHorizon(db: Database, txId: number, timeoutMs = 2000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.rows<{ passed: boolean }>(sql`select pg_snapshot_xmin(pg_current_snapshot())::text::bigint > ${txId}::bigint as passed`);
    if (row?.passed) return true;
    if (Date.now() >= deadline) return false;
    await sleep(10);
  }
}
