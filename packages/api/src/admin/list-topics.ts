import type { AdminTopicRow } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

/**
 * Every topic with its question count and all-time attempts and accuracy, summed from
 * topic_daily_stats (topics × days rows): the exam bank's topics, and beside them the study
 * topics a study app registered (study.registerCatalog) that the bank does not have. A topic
 * in both is the bank's, with the study app's subject.
 */
export async function listTopics(executor: Executor): Promise<AdminTopicRow[]> {
  const rows = await rowsOf<Omit<AdminTopicRow, "accuracyPercent">>(
    executor,
    sql`with every_topic as (
          select t.id, t.slug, t.name, 'bank' as kind, st.subject from topics t left join study_topics st on st.id = t.id
          union all
          select st.id, st.id::text, st.name, 'study', st.subject from study_topics st where not exists (select 1 from topics t where t.id = st.id))
        select t.id::text as "topicId", t.slug, t.name, t.kind, t.subject,
               (select count(*)::int from questions q where q.topic_id = t.id) as questions,
               coalesce(s.attempts, 0)::int as attempts, coalesce(s.correct, 0)::int as correct
          from every_topic t
          left join (select topic_id, sum(attempts) as attempts, sum(correct) as correct from topic_daily_stats group by topic_id) s on s.topic_id = t.id
         order by t.name, t.id`,
  );
  return rows.map((row) => ({ ...row, accuracyPercent: row.attempts > 0 ? Math.round((row.correct / row.attempts) * 100 * 100) / 100 : null }));
}
