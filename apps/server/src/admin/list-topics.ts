import type { AdminTopicsOutput } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

/** Every topic with its question count and all-time attempts and accuracy, summed from topic_daily_stats (topics × days rows). */
export async function listTopics(executor: Executor): Promise<AdminTopicsOutput> {
  const rows = await rowsOf<Omit<AdminTopicsOutput[number], "accuracyPercent">>(
    executor,
    sql`select t.id::text as "topicId", t.slug, t.name,
               (select count(*)::int from questions q where q.topic_id = t.id) as questions,
               coalesce(s.attempts, 0)::int as attempts, coalesce(s.correct, 0)::int as correct
          from topics t
          left join (select topic_id, sum(attempts) as attempts, sum(correct) as correct from topic_daily_stats group by topic_id) s on s.topic_id = t.id
         order by t.name, t.id`,
  );
  return rows.map((row) => ({ ...row, accuracyPercent: row.attempts > 0 ? Math.round((row.correct / row.attempts) * 100 * 100) / 100 : null }));
}
