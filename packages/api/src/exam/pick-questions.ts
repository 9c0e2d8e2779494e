import { rowsOf, type Executor } from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";

export interface QuestionFilters {
  topicIds?: readonly string[] | undefined;
  difficulty?: readonly number[] | undefined;
}

function tooFewMessage(matching: number): string {
  if (matching === 0) return "No questions match these filters; widen the topics or difficulties (or load the bank with `chronicle seed`).";
  return matching === 1
    ? "Only 1 question matches these filters; ask for at most 1."
    : `Only ${matching} questions match these filters; ask for at most ${matching}.`;
}

/** `count` question ids matching the filters, in random order; BAD_REQUEST when fewer match. */
export async function pickQuestions(executor: Executor, filters: QuestionFilters, count: number): Promise<string[]> {
  const conditions = [sql`true`];
  if (filters.topicIds?.length) {
    conditions.push(sql`topic_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(filters.topicIds)}::jsonb))`);
  }
  if (filters.difficulty?.length) {
    conditions.push(sql`difficulty in (select value::int from jsonb_array_elements_text(${JSON.stringify(filters.difficulty)}::jsonb))`);
  }
  // The window count is taken before LIMIT, so one query both picks and says how many matched.
  const rows = await rowsOf<{ id: string; matching: number }>(
    executor,
    sql`select id::text as id, (count(*) over ())::int as matching
          from questions where ${sql.join(conditions, sql` and `)}
         order by random() limit ${count}`,
  );
  const matching = rows[0]?.matching ?? 0;
  if (matching < count) throw new TRPCError({ code: "BAD_REQUEST", message: tooFewMessage(matching) });
  return rows.map((row) => row.id);
}
