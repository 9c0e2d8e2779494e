import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { emptyProgress, type Progress } from "./award-activity.ts";

interface ProgressRow {
  user_id: string;
  total_xp: number;
  level: number;
  questions_answered: number;
  questions_correct: number;
  materials_completed: number;
  quizzes_completed: number;
  perfect_quizzes: number;
  longest_streak: number;
  achievements: string[];
}

/** The XP awarder's state for these learners; learners without a row start empty. */
export async function loadProgress(executor: Executor, userIds: readonly string[]): Promise<Map<string, Progress>> {
  const progress = new Map(userIds.map((userId) => [userId, emptyProgress()]));
  if (userIds.length === 0) return progress;
  const rows = await rowsOf<ProgressRow>(
    executor,
    sql`select user_id::text as user_id, total_xp, level, questions_answered, questions_correct, materials_completed,
               quizzes_completed, perfect_quizzes, longest_streak, achievements
          from gamification_progress
         where user_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(userIds)}::jsonb))`,
  );
  for (const row of rows) {
    progress.set(row.user_id, {
      totalXp: row.total_xp,
      level: row.level,
      questionsAnswered: row.questions_answered,
      questionsCorrect: row.questions_correct,
      materialsCompleted: row.materials_completed,
      quizzesCompleted: row.quizzes_completed,
      perfectQuizzes: row.perfect_quizzes,
      longestStreak: row.longest_streak,
      achievements: row.achievements,
    });
  }
  return progress;
}

/** Writes the learners' new state in one statement; the awarder is the table's only writer, so rows are replaced. */
export async function saveProgress(executor: Executor, progress: ReadonlyMap<string, Progress>): Promise<void> {
  if (progress.size === 0) return;
  const records = JSON.stringify(
    [...progress].map(([userId, p]) => ({
      user_id: userId,
      total_xp: p.totalXp,
      level: p.level,
      questions_answered: p.questionsAnswered,
      questions_correct: p.questionsCorrect,
      materials_completed: p.materialsCompleted,
      quizzes_completed: p.quizzesCompleted,
      perfect_quizzes: p.perfectQuizzes,
      longest_streak: p.longestStreak,
      achievements: p.achievements,
    })),
  );
  await executor.execute(sql`
    insert into gamification_progress (user_id, total_xp, level, questions_answered, questions_correct, materials_completed,
                                       quizzes_completed, perfect_quizzes, longest_streak, achievements)
    select user_id, total_xp, level, questions_answered, questions_correct, materials_completed,
           quizzes_completed, perfect_quizzes, longest_streak, achievements
      from jsonb_to_recordset(${records}::jsonb) as r(user_id uuid, total_xp int, level int, questions_answered int,
             questions_correct int, materials_completed int, quizzes_completed int, perfect_quizzes int,
             longest_streak int, achievements jsonb)
    on conflict (user_id) do update set
      total_xp = excluded.total_xp, level = excluded.level,
      questions_answered = excluded.questions_answered, questions_correct = excluded.questions_correct,
      materials_completed = excluded.materials_completed, quizzes_completed = excluded.quizzes_completed,
      perfect_quizzes = excluded.perfect_quizzes, longest_streak = excluded.longest_streak,
      achievements = excluded.achievements`);
}
