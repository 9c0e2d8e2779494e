import type { Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { tallyAttempts } from "../study/attempt-tally.ts";
import type { NumberedAttempt } from "../study/question-attempt.ts";

/**
 * Adds newly recorded attempts to the learner's daily and weekly questions_attempted/correct,
 * which the attempts projection owns for study and exam answers alike, and to
 * topic_daily_stats (attempts, correct, first attempts). Increments only.
 * Lock order (docs/aggregates.md, shared with learning-stats): daily_user_stats, then
 * weekly_user_stats, then topic_daily_stats, each in key order, so the two never deadlock.
 */
export async function addAttemptStats(tx: Transaction, attempts: readonly NumberedAttempt[]): Promise<void> {
  if (attempts.length === 0) return;
  const { topicDays, learnerDays } = tallyAttempts(attempts);
  const records = JSON.stringify(
    learnerDays.map((d) => ({ user_id: d.userId, day: d.day, week_start: d.weekStart, attempted: d.questionsAttempted, correct: d.questionsCorrect })),
  );
  // The weekly insert reads `daily`'s rows, so every daily row is locked before any weekly one
  // (an unreferenced data-modifying CTE would run after the main statement, in the other order).
  await tx.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${records}::jsonb) as r(user_id uuid, day date, week_start date, attempted int, correct int)),
    daily as (
      insert into daily_user_stats as d (user_id, day, questions_attempted, questions_correct)
      select user_id, day, attempted, correct from input order by user_id, day
      on conflict (user_id, day) do update set
        questions_attempted = d.questions_attempted + excluded.questions_attempted,
        questions_correct = d.questions_correct + excluded.questions_correct
      returning d.user_id, d.day)
    insert into weekly_user_stats as w (user_id, week_start, questions_attempted, questions_correct)
    select i.user_id, i.week_start, sum(i.attempted), sum(i.correct)
      from input i join daily on daily.user_id = i.user_id and daily.day = i.day
     group by i.user_id, i.week_start order by i.user_id, i.week_start
    on conflict (user_id, week_start) do update set
      questions_attempted = w.questions_attempted + excluded.questions_attempted,
      questions_correct = w.questions_correct + excluded.questions_correct`);
  if (topicDays.length > 0) {
    const records = JSON.stringify(
      topicDays.map((t) => ({ topic_id: t.topicId, day: t.day, attempts: t.attempts, correct: t.correct, first_attempts: t.firstAttempts, first_attempts_correct: t.firstAttemptsCorrect })),
    );
    await tx.execute(sql`
      insert into topic_daily_stats as t (topic_id, day, attempts, correct, first_attempts, first_attempts_correct)
      select topic_id, day, attempts, correct, first_attempts, first_attempts_correct
        from jsonb_to_recordset(${records}::jsonb) as r(topic_id uuid, day date, attempts int, correct int, first_attempts int, first_attempts_correct int)
       order by topic_id, day
      on conflict (topic_id, day) do update set
        attempts = t.attempts + excluded.attempts,
        correct = t.correct + excluded.correct,
        first_attempts = t.first_attempts + excluded.first_attempts,
        first_attempts_correct = t.first_attempts_correct + excluded.first_attempts_correct`);
  }
}
