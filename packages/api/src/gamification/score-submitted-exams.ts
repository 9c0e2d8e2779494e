import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LoggedEvent } from "../projections/projection.ts";

export interface ExamResult {
  /** False when an earlier SESSION_SUBMITTED of the same session is in the log: a session earns XP once. */
  isFirstSubmission: boolean;
  questionCount: number;
  answered: number;
  correct: number;
}

/**
 * Scores the submitted exam sessions from the log alone, as the determinism rule asks:
 * each position's last ANSWER_SELECTED / ANSWER_CHANGED strictly before the submission,
 * resolved through test_session_questions and graded against the bank's correct_index,
 * exactly as exam-results and question-attempts key them. Only the server's own answer
 * events count (batch_id is null): a client-sent ANSWER_* never earns XP. One query for
 * the whole batch.
 */
export async function scoreSubmittedExams(executor: Executor, submissions: readonly LoggedEvent[]): Promise<Map<string, ExamResult>> {
  if (submissions.length === 0) return new Map();
  const records = JSON.stringify(
    submissions.map((e) => ({ event_id: e.id, session_id: e.sessionId, tx_id: e.txId, ingest_seq: e.ingestSeq })),
  );
  const rows = await rowsOf<{ event_id: string; is_first: boolean; question_count: number; answered: number; correct: number }>(
    executor,
    sql`with submitted as (
          select * from jsonb_to_recordset(${records}::jsonb) as r(event_id text, session_id uuid, tx_id bigint, ingest_seq bigint)),
        final_answers as (
          select distinct on (s.event_id, e.payload_json->>'position') s.event_id, tq.question_id,
                 coalesce((e.payload_json->>'selected_index')::int, (e.payload_json->>'to_index')::int) as chosen_index
            from submitted s
            join events e on e.session_id = s.session_id
                         and e.event_type in ('ANSWER_SELECTED', 'ANSWER_CHANGED')
                         and e.batch_id is null
                         and (e.tx_id, e.ingest_seq) < (s.tx_id, s.ingest_seq)
            join test_session_questions tq on tq.session_id = s.session_id and tq.position = (e.payload_json->>'position')::int
           order by s.event_id, e.payload_json->>'position', e.tx_id desc, e.ingest_seq desc)
        select s.event_id,
               not exists (select 1 from events p
                            where p.session_id = s.session_id and p.event_type = 'SESSION_SUBMITTED'
                              and (p.tx_id, p.ingest_seq) < (s.tx_id, s.ingest_seq)) as is_first,
               (select count(*)::int from test_session_questions t where t.session_id = s.session_id) as question_count,
               count(a.question_id)::int as answered,
               count(*) filter (where a.chosen_index = q.correct_index)::int as correct
          from submitted s
          left join final_answers a on a.event_id = s.event_id
          left join questions q on q.id = a.question_id
         group by s.event_id, s.session_id, s.tx_id, s.ingest_seq`,
  );
  return new Map(
    rows.map((row) => [
      row.event_id,
      { isFirstSubmission: row.is_first, questionCount: row.question_count, answered: row.answered, correct: row.correct },
    ]),
  );
}
