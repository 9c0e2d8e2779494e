import { rowsOf, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { numberAttempts } from "../study/number-attempts.ts";
import { attemptKey, type AttemptFacts, type NumberedAttempt, type PriorAttempts } from "../study/question-attempt.ts";
import { utcIso } from "./sql-utc-iso.ts";

async function alreadyRecorded(tx: Transaction, attempts: readonly AttemptFacts[]): Promise<Set<string>> {
  const rows = await rowsOf<{ event_id: string }>(
    tx,
    sql`select event_id::text as event_id from question_attempts
         where event_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(attempts.map((a) => a.eventId))}::jsonb))`,
  );
  return new Set(rows.map((row) => row.event_id));
}

/** Per learner and question: how many attempts the table holds and when the latest (in log order) was made. */
async function priorAttempts(tx: Transaction, attempts: readonly AttemptFacts[]): Promise<Map<string, PriorAttempts>> {
  const pairs = JSON.stringify(attempts.map((a) => ({ user_id: a.userId, question_id: a.questionId })));
  const rows = await rowsOf<{ user_id: string; question_id: string; attempt_number: number; attempted_at: string }>(
    tx,
    sql`select distinct on (qa.user_id, qa.question_id)
               qa.user_id::text as user_id, qa.question_id::text as question_id, qa.attempt_number,
               ${utcIso(sql`qa.attempted_at`)} as attempted_at
          from question_attempts qa
          join (select distinct user_id, question_id from jsonb_to_recordset(${pairs}::jsonb) as r(user_id uuid, question_id uuid)) r
            on qa.user_id = r.user_id and qa.question_id = r.question_id
         order by qa.user_id, qa.question_id, qa.attempt_number desc`,
  );
  // Attempt numbers are contiguous from 1, so the highest one is also the count.
  return new Map(rows.map((row) => [attemptKey(row.user_id, row.question_id), { count: row.attempt_number, lastAttemptedAt: row.attempted_at }]));
}

/**
 * Numbers `attempts` (in log order) after those already in question_attempts and inserts
 * them in one statement. An attempt whose id is already recorded is left out, so applying
 * the same events twice records and counts nothing twice. Returns what was recorded.
 */
export async function recordAttempts(tx: Transaction, attempts: readonly AttemptFacts[]): Promise<NumberedAttempt[]> {
  if (attempts.length === 0) return [];
  const recorded = await alreadyRecorded(tx, attempts);
  const fresh = attempts.filter((a) => !recorded.has(a.eventId));
  if (fresh.length === 0) return [];
  const numbered = numberAttempts(fresh, await priorAttempts(tx, fresh));
  const records = JSON.stringify(
    numbered.map((a) => ({
      event_id: a.eventId,
      user_id: a.userId,
      session_id: a.sessionId,
      question_id: a.questionId,
      topic_id: a.topicId,
      attempted_at: a.attemptedAt,
      time_to_answer_seconds: a.timeToAnswerSeconds,
      is_correct: a.isCorrect,
      confidence_level: a.confidenceLevel,
      selected_answer: a.selectedAnswer,
      correct_answer: a.correctAnswer,
      is_first_attempt: a.isFirstAttempt,
      attempt_number: a.attemptNumber,
      days_since_last_attempt: a.daysSinceLastAttempt,
      hint_used: a.hintUsed,
      explanation_viewed: a.explanationViewed,
    })),
  );
  await tx.execute(sql`
    insert into question_attempts (event_id, user_id, session_id, question_id, topic_id, attempted_at, time_to_answer_seconds,
                                   is_correct, confidence_level, selected_answer, correct_answer, is_first_attempt, attempt_number,
                                   days_since_last_attempt, hint_used, explanation_viewed)
    select event_id, user_id, session_id, question_id, topic_id, attempted_at, time_to_answer_seconds,
           is_correct, confidence_level, selected_answer, correct_answer, is_first_attempt, attempt_number,
           days_since_last_attempt, hint_used, explanation_viewed
      from jsonb_to_recordset(${records}::jsonb) as r(
             event_id uuid, user_id uuid, session_id uuid, question_id uuid, topic_id uuid, attempted_at timestamptz,
             time_to_answer_seconds real, is_correct boolean, confidence_level int, selected_answer text, correct_answer text,
             is_first_attempt boolean, attempt_number int, days_since_last_attempt int, hint_used boolean, explanation_viewed boolean)
    on conflict (event_id) do nothing`);
  return numbered;
}
