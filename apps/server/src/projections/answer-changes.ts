import { answerChangeStats, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LoggedEvent, Projection } from "./projection.ts";

/**
 * answer_change_stats: exam ANSWER_CHANGED events per question, classified against the
 * question's correct_index as right→wrong, wrong→right or other. Reads only the batch and
 * immutable reference data (questions, test_session_questions), so a rebuild is identical;
 * increments commute, so batch boundaries do not matter.
 */
export const answerChangesProjection: Projection = {
  name: "answer-changes",
  eventTypes: ["ANSWER_CHANGED"],
  tables: [answerChangeStats],
  async apply(tx: Transaction, events: readonly LoggedEvent[]) {
    if (events.length === 0) return;
    const batch = JSON.stringify(
      events.map((event) => ({
        session_id: event.sessionId,
        question_id: event.questionId,
        position: event.payload.position,
        from_index: event.payload.from_index,
        to_index: event.payload.to_index,
      })),
    );
    await tx.execute(sql`
      with changes as (
        select * from jsonb_to_recordset(${batch}::jsonb) as r(session_id uuid, question_id uuid, position int, from_index int, to_index int)
      ),
      classified as (
        select coalesce(c.question_id, tq.question_id) as question_id,
               case when c.from_index = q.correct_index and c.to_index <> q.correct_index then 'right_to_wrong'
                    when c.from_index <> q.correct_index and c.to_index = q.correct_index then 'wrong_to_right'
                    else 'other' end as direction
          from changes c
          left join test_session_questions tq on tq.session_id = c.session_id and tq.position = c.position
          left join questions q on q.id = coalesce(c.question_id, tq.question_id)
      )
      insert into answer_change_stats as a (question_id, right_to_wrong, wrong_to_right, other)
      select question_id,
             (count(*) filter (where direction = 'right_to_wrong'))::int,
             (count(*) filter (where direction = 'wrong_to_right'))::int,
             (count(*) filter (where direction = 'other'))::int
        from classified where question_id is not null group by question_id
      on conflict (question_id) do update set
        right_to_wrong = a.right_to_wrong + excluded.right_to_wrong,
        wrong_to_right = a.wrong_to_right + excluded.wrong_to_right,
        other = a.other + excluded.other`);
  },
};
