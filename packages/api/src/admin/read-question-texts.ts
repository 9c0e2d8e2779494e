import type { AdminQuestionText } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

/** The bank's text and topic for the given question ids; ids the bank does not hold are left out. */
export async function readQuestionTexts(executor: Executor, questionIds: readonly string[]): Promise<AdminQuestionText[]> {
  const unique = [...new Set(questionIds.map((id) => id.toLowerCase()))];
  return rowsOf<AdminQuestionText>(
    executor,
    sql`select q.id::text as "questionId", q.stem, t.id::text as "topicId", t.name as "topicName"
          from questions q join topics t on t.id = q.topic_id
         where q.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(unique)}::jsonb))
         order by q.id`,
  );
}
