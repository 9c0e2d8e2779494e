import type { AdminTopicOutput } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";

export const TOPIC_DAILY_DAYS = 30;
export const MASTERY_BUCKETS = 10;
export const MIN_FIRST_ATTEMPTS_FOR_HARDEST = 3;
export const HARDEST_QUESTIONS = 10;
export const ANSWER_CHANGE_QUESTIONS = 20;

const dayOffset = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * One topic for staff: daily stats (topic_daily_stats primary key), the learners' mastery in ten
 * buckets [k/10, (k+1)/10) (topic_mastery_topic_idx; the float4 score is read as the decimal it
 * prints as, so exactly 0.7 falls in [0.7, 0.8), not in [0.6, 0.7)), the questions with the lowest first-attempt accuracy
 * (index-only on question_attempts_topic_first_attempt_idx) and answer-change directions
 * (answer_change_stats by the topic's questions, questions_topic_id_idx).
 */
export async function readTopicView(executor: Executor, topicId: string, now: Date): Promise<Omit<AdminTopicOutput, "watermark">> {
  const topic = sql`${topicId}::uuid`;
  // The bank's topic, else a study topic a study app registered (study.registerCatalog).
  const [found] = await rowsOf<{ name: string; kind: "bank" | "study"; subject: string | null }>(
    executor,
    sql`select coalesce(t.name, st.name) as name, case when t.id is null then 'study' else 'bank' end as kind, st.subject
          from (select ${topic} as id) k left join topics t on t.id = k.id left join study_topics st on st.id = k.id
         where t.id is not null or st.id is not null`,
  );
  if (!found) throw new TRPCError({ code: "NOT_FOUND", message: `Topic '${topicId}' does not exist; pick one from admin.topics.` });
  const [daily, mastery, hardest, changes, materials] = await Promise.all([
    rowsOf<AdminTopicOutput["daily"][number]>(
      executor,
      sql`select day::text as day, attempts, correct, first_attempts as "firstAttempts", first_attempts_correct as "firstAttemptsCorrect",
                 materials_completed as "materialsCompleted"
            from topic_daily_stats where topic_id = ${topic} and day >= ${dayOffset(now, TOPIC_DAILY_DAYS - 1)}::date order by day`,
    ),
    rowsOf<{ bucket: number; learners: number }>(
      executor,
      sql`select least(greatest(floor(mastery_score::numeric * ${MASTERY_BUCKETS}::int), 0), ${MASTERY_BUCKETS - 1}::int)::int as bucket, count(*)::int as learners
            from topic_mastery where topic_id = ${topic} group by 1`,
    ),
    rowsOf<Omit<AdminTopicOutput["hardestQuestions"][number], "accuracyPercent">>(
      executor,
      sql`select question_id::text as "questionId", count(*)::int as "firstAttempts", (count(*) filter (where is_correct))::int as "firstAttemptsCorrect"
            from question_attempts where topic_id = ${topic} and is_first_attempt
           group by question_id having count(*) >= ${MIN_FIRST_ATTEMPTS_FOR_HARDEST}::int
           order by (count(*) filter (where is_correct))::float8 / count(*), question_id limit ${HARDEST_QUESTIONS}`,
    ),
    rowsOf<AdminTopicOutput["answerChanges"]["byQuestion"][number]>(
      executor,
      sql`select a.question_id::text as "questionId", a.right_to_wrong as "rightToWrong", a.wrong_to_right as "wrongToRight", a.other
            from questions q join answer_change_stats a on a.question_id = q.id
           where q.topic_id = ${topic}
           order by a.right_to_wrong desc, a.wrong_to_right desc, a.question_id`,
    ),
    rowsOf<AdminTopicOutput["materials"][number]>(
      executor,
      sql`select id::text as "materialId", name from study_materials where topic_id = ${topic} order by name, id`,
    ),
  ]);
  const learnersIn = new Map(mastery.map((row) => [row.bucket, row.learners]));
  const sum = (pick: (row: (typeof changes)[number]) => number) => changes.reduce((total, row) => total + pick(row), 0);
  return {
    topicId,
    name: found.name,
    kind: found.kind,
    subject: found.subject,
    materials,
    daily,
    masteryDistribution: Array.from({ length: MASTERY_BUCKETS }, (_, bucket) => ({
      from: bucket / MASTERY_BUCKETS,
      to: (bucket + 1) / MASTERY_BUCKETS,
      learners: learnersIn.get(bucket) ?? 0,
    })),
    hardestQuestions: hardest.map((row) => ({ ...row, accuracyPercent: Math.round((row.firstAttemptsCorrect / row.firstAttempts) * 100 * 100) / 100 })),
    answerChanges: {
      rightToWrong: sum((row) => row.rightToWrong),
      wrongToRight: sum((row) => row.wrongToRight),
      other: sum((row) => row.other),
      byQuestion: changes.slice(0, ANSWER_CHANGE_QUESTIONS),
    },
  };
}
