import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LoggedEvent } from "../projections/projection.ts";

/**
 * The study question_submit events that are NOT the learner's first attempt at the
 * question by the log's numbering, the same numbering question_attempts uses: an earlier
 * question_submit of that question, or an earlier exam submission (SESSION_SUBMITTED) in
 * which the server recorded an answer at the question's position. The payload's
 * is_first_attempt is the client's opinion and is never read, so the +5 first-attempt
 * bonus and question_attempts.is_first_attempt always agree. One query per batch.
 */
export async function findRepeatQuestionAttempts(executor: Executor, submits: readonly LoggedEvent[]): Promise<Set<string>> {
  if (submits.length === 0) return new Set();
  const records = JSON.stringify(
    submits.map((e) => ({ event_id: e.id, user_id: e.userId, question_id: e.payload.question_id, tx_id: e.txId, ingest_seq: e.ingestSeq })),
  );
  const rows = await rowsOf<{ event_id: string }>(
    executor,
    sql`select r.event_id
          from jsonb_to_recordset(${records}::jsonb) as r(event_id text, user_id uuid, question_id text, tx_id bigint, ingest_seq bigint)
         where exists (select 1 from events e
                        where e.user_id = r.user_id and e.event_type = 'question_submit'
                          -- Written as the partial index's expression, so each submit is one index probe.
                          and lower(e.payload_json->>'question_id') = lower(r.question_id)
                          and (e.tx_id, e.ingest_seq) < (r.tx_id, r.ingest_seq))
            or exists (select 1 from events s
                         join test_session_questions tq on tq.session_id = s.session_id and tq.question_id = r.question_id::uuid
                        where s.user_id = r.user_id and s.event_type = 'SESSION_SUBMITTED'
                          and (s.tx_id, s.ingest_seq) < (r.tx_id, r.ingest_seq)
                          and exists (select 1 from events a
                                       where a.session_id = s.session_id and a.event_type in ('ANSWER_SELECTED', 'ANSWER_CHANGED')
                                         and a.batch_id is null and a.payload_json->>'position' = tq.position::text
                                         and (a.tx_id, a.ingest_seq) < (s.tx_id, s.ingest_seq)))`,
  );
  return new Set(rows.map((row) => row.event_id));
}
