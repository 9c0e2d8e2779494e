import type { Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

/**
 * Serialises streak decisions per learner until the transaction ends, so a check-in just
 * before midnight and the broken-streak job just after it never both act on the same
 * stale state. Locks are taken in id order so two lockers cannot deadlock.
 */
export async function lockLearnersForStreaks(executor: Executor, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await executor.execute(sql`
    select pg_advisory_xact_lock(hashtextextended('gamification-streak:' || id, 0))
      from (select distinct value as id from jsonb_array_elements_text(${JSON.stringify(userIds)}::jsonb)) as ids
     order by id`);
}
