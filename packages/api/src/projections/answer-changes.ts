import { answerChangeStats, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LoggedEvent, Projection } from "./projection.ts";

/**
 * answer_change_stats: exam ANSWER_CHANGED events per question, classified against the
 * question's correct_index as right→wrong, wrong→right or other. Only the server's own
 * changes count (batch_id is null, as every exam analytic), keyed by position like the
 * rest of the exam analytics. Reads only the batch, the events' own rows and
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
        id: event.id,
        session_id: event.sessionId,
        position: event.payload.position,
        from_index: event.payload.from_index,
        to_index: event.payload.to_index,
      })),
    );
    await tx.execute(sql`
      with changes as (
        select r.* from jsonb_to_recordset(${batch}::jsonb) as r(id uuid, session_id uuid, position int, from_index int, to_index int)
         where exists (select 1 from events x where x.id = r.id and x.batch_id is null)
      ),
      classified as (
        select tq.question_id,
               case when c.from_index = q.correct_index and c.to_index <> q.correct_index then 'right_to_wrong'
                    when c.from_index <> q.correct_index and c.to_index = q.correct_index then 'wrong_to_right'
                    else 'other' end as direction
          from changes c
          left join test_session_questions tq on tq.session_id = c.session_id and tq.position = c.position
          left join questions q on q.id = tq.question_id
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
