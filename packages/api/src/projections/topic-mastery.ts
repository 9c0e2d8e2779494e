import { rowsOf, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { addAttempt, masteryScore, NO_EVIDENCE, type MasteryEvidence } from "../study/mastery.ts";
import type { NumberedAttempt } from "../study/question-attempt.ts";
import { utcIso } from "./sql-utc-iso.ts";

interface MasteryRow {
  user_id: string;
  topic_id: string;
  questions_attempted: number;
  questions_correct: number;
  first_attempts: number;
  first_attempts_correct: number;
  weighted_correct: number | string;
  weighted_total: number | string;
  last_attempt_at: string | null;
}

interface MasteryState {
  userId: string;
  topicId: string;
  questionsAttempted: number;
  questionsCorrect: number;
  firstAttempts: number;
  firstAttemptsCorrect: number;
  evidence: MasteryEvidence;
}

const keyOf = (userId: string, topicId: string) => `${userId}:${topicId}`;

async function readMastery(tx: Transaction, pairs: readonly { userId: string; topicId: string }[]): Promise<Map<string, MasteryState>> {
  const records = JSON.stringify(pairs.map((p) => ({ user_id: p.userId, topic_id: p.topicId })));
  const rows = await rowsOf<MasteryRow>(
    tx,
    sql`select m.user_id::text as user_id, m.topic_id::text as topic_id, m.questions_attempted, m.questions_correct,
               m.first_attempts, m.first_attempts_correct, m.weighted_correct, m.weighted_total,
               case when m.last_attempt_at is null then null else ${utcIso(sql`m.last_attempt_at`)} end as last_attempt_at
          from topic_mastery m
          join (select distinct user_id, topic_id from jsonb_to_recordset(${records}::jsonb) as r(user_id uuid, topic_id uuid)) r
            on m.user_id = r.user_id and m.topic_id = r.topic_id`,
  );
  return new Map(
    rows.map((row) => [
      keyOf(row.user_id, row.topic_id),
      {
        userId: row.user_id,
        topicId: row.topic_id,
        questionsAttempted: row.questions_attempted,
        questionsCorrect: row.questions_correct,
        firstAttempts: row.first_attempts,
        firstAttemptsCorrect: row.first_attempts_correct,
        evidence: {
          // Exactly the stored float4 values, whatever decimal text the driver went through.
          weightedCorrect: Math.fround(Number(row.weighted_correct)),
          weightedTotal: Math.fround(Number(row.weighted_total)),
          latestAttemptMs: row.last_attempt_at === null ? null : Date.parse(row.last_attempt_at),
        },
      },
    ]),
  );
}

/**
 * Folds newly recorded attempts (in log order) into topic_mastery: read the affected rows,
 * fold each attempt with `addAttempt` (formula in study/mastery.ts), write them back in one
 * upsert. Only this projection writes topic_mastery, under its checkpoint lock, so the
 * read-modify-write cannot race.
 */
export async function foldIntoTopicMastery(tx: Transaction, attempts: readonly NumberedAttempt[]): Promise<void> {
  const graded = attempts.filter((a): a is NumberedAttempt & { topicId: string } => a.topicId !== null);
  if (graded.length === 0) return;
  const states = await readMastery(tx, graded);
  for (const attempt of graded) {
    const key = keyOf(attempt.userId, attempt.topicId);
    const state = states.get(key) ?? {
      userId: attempt.userId,
      topicId: attempt.topicId,
      questionsAttempted: 0,
      questionsCorrect: 0,
      firstAttempts: 0,
      firstAttemptsCorrect: 0,
      evidence: NO_EVIDENCE,
    };
    const correct = attempt.isCorrect ? 1 : 0;
    states.set(key, {
      ...state,
      questionsAttempted: state.questionsAttempted + 1,
      questionsCorrect: state.questionsCorrect + correct,
      firstAttempts: state.firstAttempts + (attempt.isFirstAttempt ? 1 : 0),
      firstAttemptsCorrect: state.firstAttemptsCorrect + (attempt.isFirstAttempt ? correct : 0),
      evidence: addAttempt(state.evidence, {
        attemptedAtMs: Date.parse(attempt.attemptedAt),
        isCorrect: attempt.isCorrect,
        isFirstAttempt: attempt.isFirstAttempt,
      }),
    });
  }
  const touched = new Set(graded.map((a) => keyOf(a.userId, a.topicId)));
  const records = JSON.stringify(
    [...touched].map((key) => {
      const s = states.get(key)!;
      return {
        user_id: s.userId,
        topic_id: s.topicId,
        questions_attempted: s.questionsAttempted,
        questions_correct: s.questionsCorrect,
        first_attempts: s.firstAttempts,
        first_attempts_correct: s.firstAttemptsCorrect,
        weighted_correct: s.evidence.weightedCorrect,
        weighted_total: s.evidence.weightedTotal,
        mastery_score: masteryScore(s.evidence),
        last_attempt_at: s.evidence.latestAttemptMs === null ? null : new Date(s.evidence.latestAttemptMs).toISOString(),
      };
    }),
  );
  await tx.execute(sql`
    insert into topic_mastery (user_id, topic_id, questions_attempted, questions_correct, first_attempts, first_attempts_correct,
                               weighted_correct, weighted_total, mastery_score, last_attempt_at)
    select user_id, topic_id, questions_attempted, questions_correct, first_attempts, first_attempts_correct,
           weighted_correct, weighted_total, mastery_score, last_attempt_at
      from jsonb_to_recordset(${records}::jsonb) as r(
             user_id uuid, topic_id uuid, questions_attempted int, questions_correct int, first_attempts int,
             first_attempts_correct int, weighted_correct real, weighted_total real, mastery_score real, last_attempt_at timestamptz)
    on conflict (user_id, topic_id) do update set
      questions_attempted = excluded.questions_attempted,
      questions_correct = excluded.questions_correct,
      first_attempts = excluded.first_attempts,
      first_attempts_correct = excluded.first_attempts_correct,
      weighted_correct = excluded.weighted_correct,
      weighted_total = excluded.weighted_total,
      mastery_score = excluded.mastery_score,
      last_attempt_at = excluded.last_attempt_at`);
}
