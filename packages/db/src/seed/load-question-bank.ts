import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "../client/database.ts";
import { seedQuestions, seedTopics } from "./question-bank/index.ts";

export interface QuestionBankLoad {
  /** False when the bank already had questions and nothing was written. */
  inserted: boolean;
  topicCount: number;
  questionCount: number;
}

async function countBank(executor: Executor): Promise<{ topicCount: number; questionCount: number }> {
  const [row] = await rowsOf<{ topics: number; questions: number }>(
    executor,
    sql`select (select count(*)::int from topics) as topics, (select count(*)::int from questions) as questions`,
  );
  return { topicCount: row!.topics, questionCount: row!.questions };
}

/**
 * Loads the demo question bank into an empty database, in two set-based statements.
 * A bank that already has questions is left alone, so operators' own questions survive;
 * `on conflict do nothing` keeps two servers starting at once from colliding.
 */
export async function loadQuestionBank(executor: Executor): Promise<QuestionBankLoad> {
  const before = await countBank(executor);
  if (before.questionCount > 0) return { inserted: false, ...before };
  await executor.transaction(async (tx) => {
    await tx.execute(sql`
      insert into topics (id, slug, name, description)
      select id, slug, name, description
        from jsonb_to_recordset(${JSON.stringify(seedTopics)}::jsonb) as r(id uuid, slug text, name text, description text)
      on conflict do nothing`);
    await tx.execute(sql`
      insert into questions (id, topic_id, stem, options, correct_index, explanation, difficulty)
      select r.id, t.id, r.stem, r.options, r."correctIndex", r.explanation, r.difficulty
        from jsonb_to_recordset(${JSON.stringify(seedQuestions)}::jsonb)
               as r(id uuid, "topicSlug" text, stem text, options jsonb, "correctIndex" int, explanation text, difficulty int)
        join topics t on t.slug = r."topicSlug"
      on conflict do nothing`);
  });
  return { inserted: true, ...(await countBank(executor)) };
}
