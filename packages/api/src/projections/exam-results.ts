import { testSessionResults, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LoggedEvent, Projection } from "./projection.ts";

/**
 * One row per exam session in test_session_results. One statement per batch: each CTE
 * folds one kind of event per session, and the upsert adds counters and keeps the first
 * creation, submission and review. Everything read besides the batch is the log strictly
 * before each event, the question bank and test_session_questions (determinism rule).
 * Answers and answer changes count only when the server recorded them (batch_id is null:
 * sessions.answer appended them, not a producer through ingest), so a client cannot rewrite
 * an exam's score; every answer is keyed by its position, as attempts and XP are.
 */
const upsertResults = (batch: string) => sql`
  with batch as (
    select * from jsonb_to_recordset(${batch}::jsonb)
      as r(id uuid, event_type text, session_id uuid, user_id uuid, event_ts timestamptz, tx_id bigint, ingest_seq bigint, payload jsonb)
  ),
  created as (
    select distinct on (session_id) session_id, payload->>'mode' as mode, (payload->>'question_count')::int as question_count, event_ts
      from batch where event_type = 'SESSION_CREATED'
     order by session_id, tx_id, ingest_seq
  ),
  -- A mark counts only when it flips the position's previous state in the log.
  marks as (
    select b.session_id,
           sum(case when (b.payload->>'marked')::boolean = coalesce(previous.marked, false) then 0
                    when (b.payload->>'marked')::boolean then 1 else -1 end)::int as delta
      from batch b
      left join lateral (
        select (e.payload_json->>'marked')::boolean as marked from events e
         where e.session_id = b.session_id and e.event_type = 'MARK_FOR_REVIEW_TOGGLED'
           and e.payload_json->>'position' = b.payload->>'position'
           and (e.tx_id, e.ingest_seq) < (b.tx_id, b.ingest_seq)
         order by e.tx_id desc, e.ingest_seq desc limit 1
      ) previous on true
     where b.event_type = 'MARK_FOR_REVIEW_TOGGLED'
     group by b.session_id
  ),
  submitted as (
    select distinct on (session_id) session_id, event_ts, payload->>'reason' as reason, tx_id, ingest_seq
      from batch where event_type = 'SESSION_SUBMITTED'
     order by session_id, tx_id, ingest_seq
  ),
  -- The learner's final answer per position: the last answer event before the submission.
  final_answers as (
    select distinct on (s.session_id, e.payload_json->>'position')
           s.session_id, (e.payload_json->>'position')::int as position,
           coalesce(e.payload_json->>'to_index', e.payload_json->>'selected_index')::int as selected_index
      from submitted s
      join events e on e.session_id = s.session_id
     where e.event_type in ('ANSWER_SELECTED', 'ANSWER_CHANGED')
       and e.batch_id is null
       and (e.tx_id, e.ingest_seq) < (s.tx_id, s.ingest_seq)
     order by s.session_id, e.payload_json->>'position', e.tx_id desc, e.ingest_seq desc
  ),
  scores as (
    select s.session_id,
           count(a.position)::int as answered,
           (count(*) filter (where q.correct_index = a.selected_index))::int as correct,
           (select count(*)::int from test_session_questions tq where tq.session_id = s.session_id) as total
      from submitted s
      left join final_answers a on a.session_id = s.session_id
      left join test_session_questions tq on tq.session_id = a.session_id and tq.position = a.position
      left join questions q on q.id = tq.question_id
     group by s.session_id
  ),
  per_session as (
    select session_id,
           (array_agg(user_id order by tx_id, ingest_seq))[1] as user_id,
           (count(*) filter (where event_type = 'ANSWER_CHANGED'
                                   and exists (select 1 from events x where x.id = b.id and x.batch_id is null)))::int as answer_changes,
           (count(*) filter (where event_type = 'PAUSE_BLUR' and payload->>'state' = 'blur'))::int as blur_count,
           min(event_ts) filter (where event_type = 'REVIEW_OPENED') as review_opened_at
      from batch b group by session_id
  )
  insert into test_session_results as t (session_id, user_id, mode, question_count, answered_count, correct_count, score_percent,
                                         answer_changes, marked_count, blur_count, created_at, submitted_at, submit_reason, review_opened_at)
  select p.session_id, p.user_id, c.mode, coalesce(c.question_count, 0), coalesce(sc.answered, 0), coalesce(sc.correct, 0),
         case when sc.total > 0 then round(100.0 * sc.correct / sc.total, 2) when sc.total = 0 then 0 end,
         p.answer_changes, coalesce(m.delta, 0), p.blur_count, c.event_ts, s.event_ts, s.reason, p.review_opened_at
    from per_session p
    left join created c on c.session_id = p.session_id
    left join marks m on m.session_id = p.session_id
    left join submitted s on s.session_id = p.session_id
    left join scores sc on sc.session_id = p.session_id
  on conflict (session_id) do update set
    mode = coalesce(t.mode, excluded.mode),
    question_count = case when t.created_at is null and excluded.created_at is not null then excluded.question_count else t.question_count end,
    created_at = coalesce(t.created_at, excluded.created_at),
    answer_changes = t.answer_changes + excluded.answer_changes,
    marked_count = t.marked_count + excluded.marked_count,
    blur_count = t.blur_count + excluded.blur_count,
    answered_count = case when t.submitted_at is null and excluded.submitted_at is not null then excluded.answered_count else t.answered_count end,
    correct_count = case when t.submitted_at is null and excluded.submitted_at is not null then excluded.correct_count else t.correct_count end,
    score_percent = case when t.submitted_at is null and excluded.submitted_at is not null then excluded.score_percent else t.score_percent end,
    submit_reason = case when t.submitted_at is null and excluded.submitted_at is not null then excluded.submit_reason else t.submit_reason end,
    submitted_at = coalesce(t.submitted_at, excluded.submitted_at),
    review_opened_at = coalesce(t.review_opened_at, excluded.review_opened_at)`;

function batchRecords(events: readonly LoggedEvent[]): string {
  return JSON.stringify(
    events.map((e) => ({
      id: e.id,
      event_type: e.eventType,
      session_id: e.sessionId,
      user_id: e.userId,
      event_ts: e.eventTs,
      tx_id: e.txId,
      ingest_seq: e.ingestSeq,
      payload: e.payload,
    })),
  );
}

export const examResultsProjection: Projection = {
  name: "exam-results",
  eventTypes: ["SESSION_CREATED", "ANSWER_SELECTED", "ANSWER_CHANGED", "MARK_FOR_REVIEW_TOGGLED", "PAUSE_BLUR", "SESSION_SUBMITTED", "REVIEW_OPENED"],
  tables: [testSessionResults],
  async apply(tx: Transaction, events: readonly LoggedEvent[]) {
    await tx.execute(upsertResults(batchRecords(events)));
  },
};
