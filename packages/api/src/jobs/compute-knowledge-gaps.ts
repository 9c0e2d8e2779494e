import { rowsOf, type Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { gapReason, gapScore, GAP_CLOSED_AT_MASTERY, MIN_ATTEMPTS_FOR_GAP, type TopicEvidence } from "../study/knowledge-gap.ts";
import type { Job } from "./job.ts";

interface EvidenceRow {
  user_id: string;
  topic_id: string;
  topic_name: string;
  mastery_score: number | string;
  questions_attempted: number;
  first_attempts: number;
  first_attempts_correct: number;
  distinct_questions: number;
  questions_in_topic: number;
}

/** Every learner and topic with enough attempts and mastery below the closing threshold, in one query. */
async function openGapEvidence(db: Database): Promise<(TopicEvidence & { userId: string; topicId: string })[]> {
  const rows = await rowsOf<EvidenceRow>(
    db.orm,
    sql`select m.user_id::text as user_id, m.topic_id::text as topic_id, coalesce(t.name, m.topic_id::text) as topic_name,
               m.mastery_score, m.questions_attempted, m.first_attempts, m.first_attempts_correct,
               (select count(distinct qa.question_id)::int from question_attempts qa
                 where qa.user_id = m.user_id and qa.topic_id = m.topic_id) as distinct_questions,
               (select count(*)::int from questions q where q.topic_id = m.topic_id) as questions_in_topic
          from topic_mastery m
          left join topics t on t.id = m.topic_id
         where m.questions_attempted >= ${MIN_ATTEMPTS_FOR_GAP} and m.mastery_score < ${GAP_CLOSED_AT_MASTERY}`,
  );
  return rows.map((row) => ({
    userId: row.user_id,
    topicId: row.topic_id,
    topicName: row.topic_name,
    masteryScore: Number(row.mastery_score),
    questionsAttempted: row.questions_attempted,
    firstAttempts: row.first_attempts,
    firstAttemptsCorrect: row.first_attempts_correct,
    distinctQuestionsAttempted: row.distinct_questions,
    questionsInTopic: row.questions_in_topic,
  }));
}

/**
 * Recomputes knowledge_gaps from topic_mastery (a job may read any aggregate; a projection
 * may not): every open gap is upserted with its score and reason, every other row (the gap
 * closed, or its evidence is gone) is removed, in one transaction. Running it again changes
 * nothing but computed_at. `chronicle rebuild` does not touch knowledge_gaps: the next run
 * recomputes it from the rebuilt mastery.
 */
export async function computeKnowledgeGaps(db: Database, now: Date): Promise<number> {
  const gaps = (await openGapEvidence(db)).map((evidence) => ({
    user_id: evidence.userId,
    topic_id: evidence.topicId,
    gap_score: gapScore(evidence),
    reason: gapReason(evidence),
  }));
  const records = JSON.stringify(gaps);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      delete from knowledge_gaps k
       where not exists (select 1 from jsonb_to_recordset(${records}::jsonb) as r(user_id uuid, topic_id uuid)
                          where r.user_id = k.user_id and r.topic_id = k.topic_id)`);
    if (gaps.length === 0) return;
    await tx.execute(sql`
      insert into knowledge_gaps (user_id, topic_id, gap_score, reason, computed_at)
      select user_id, topic_id, gap_score, reason, ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${records}::jsonb) as r(user_id uuid, topic_id uuid, gap_score real, reason text)
      on conflict (user_id, topic_id) do update set
        gap_score = excluded.gap_score, reason = excluded.reason, computed_at = excluded.computed_at`);
  });
  return gaps.length;
}

export const computeKnowledgeGapsJob: Job = {
  name: "compute-knowledge-gaps",
  intervalMs: 10 * 60_000,
  run: async (deps, now) => {
    await computeKnowledgeGaps(deps.db, now);
  },
};
