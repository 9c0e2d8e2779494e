import { rowsOf, type Executor } from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import type { SavedQuestionState } from "./plan-answer.ts";

/** The learner's saved state of one position, with the option count to check an answer against. */
export async function findSavedQuestionState(executor: Executor, sessionId: string, position: number): Promise<SavedQuestionState> {
  const [row] = await rowsOf<SavedQuestionState>(
    executor,
    sql`select tq.position, tq.question_id::text as "questionId", tq.selected_index as "selectedIndex",
               tq.is_marked as marked, jsonb_array_length(q.options) as "optionCount"
          from test_session_questions tq join questions q on q.id = tq.question_id
         where tq.session_id = ${sessionId}::uuid and tq.position = ${position}`,
  );
  if (!row) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Session '${sessionId}' has no question at position ${position}; positions start at 1.` });
  }
  return row;
}

export async function saveQuestionState(executor: Executor, sessionId: string, position: number, state: { selectedIndex: number | null; marked: boolean }) {
  await executor.execute(sql`
    update test_session_questions set selected_index = ${state.selectedIndex}, is_marked = ${state.marked}
     where session_id = ${sessionId}::uuid and position = ${position}`);
}
