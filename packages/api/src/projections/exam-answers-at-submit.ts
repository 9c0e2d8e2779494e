import { upcastPayload } from "@chronicle/contracts";
import { rowsOf, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { derivedEventId } from "../emit/emit-server-events.ts";
import { standingAnswers, type AnsweredExamQuestion, type ExamAnswerEvent } from "../study/exam-answer-attempt.ts";
import type { LoggedEvent } from "./projection.ts";

interface AnswerRow {
  submit_id: string;
  event_type: ExamAnswerEvent["eventType"];
  event_version: number;
  payload_json: unknown;
}

interface SessionQuestionRow {
  session_id: string;
  position: number;
  question_id: string;
  correct_index: number;
  topic_id: string;
}

/**
 * The answered questions of each exam SESSION_SUBMITTED in `submits`, two queries for the
 * whole batch. Only the log strictly before the submit counts (an answer sent after it
 * changes nothing), and only a session's first submit: a repeated SESSION_SUBMITTED adds
 * no attempts. Positions are resolved through test_session_questions and graded with the
 * bank's correct_index; a question missing from the bank cannot be graded and is skipped.
 * Only the server's own answer events count (batch_id is null: appended by sessions.answer,
 * never through ingest): exam sessions are server-run, so a client-sent ANSWER_* is stored
 * for its telemetry value but never rewrites a score (seed 000: the server is authoritative).
 */
export async function examAnswersAtSubmit(tx: Transaction, submits: readonly LoggedEvent[]): Promise<Map<string, AnsweredExamQuestion[]>> {
  const bySubmit = new Map<string, AnsweredExamQuestion[]>();
  if (submits.length === 0) return bySubmit;
  const records = JSON.stringify(submits.map((s) => ({ submit_id: s.id, session_id: s.sessionId, tx_id: s.txId, ingest_seq: s.ingestSeq })));
  const answers = await rowsOf<AnswerRow>(
    tx,
    sql`with submits as (
          select * from jsonb_to_recordset(${records}::jsonb) as r(submit_id uuid, session_id uuid, tx_id bigint, ingest_seq bigint)),
        first_submits as (
          select s.* from submits s
           where not exists (select 1 from events p
                              where p.session_id = s.session_id and p.event_type = 'SESSION_SUBMITTED'
                                and (p.tx_id, p.ingest_seq) < (s.tx_id, s.ingest_seq)))
        select s.submit_id::text as submit_id, a.event_type, a.event_version, a.payload_json
          from first_submits s
          join events a on a.session_id = s.session_id
                       and a.event_type in ('ANSWER_SELECTED', 'ANSWER_CHANGED')
                       and a.batch_id is null
                       and (a.tx_id, a.ingest_seq) < (s.tx_id, s.ingest_seq)
         order by s.submit_id, a.tx_id, a.ingest_seq`,
  );
  if (answers.length === 0) return bySubmit;

  const sessionIds = [...new Set(submits.map((s) => s.sessionId))];
  const questionRows = await rowsOf<SessionQuestionRow>(
    tx,
    sql`select tsq.session_id::text as session_id, tsq.position, tsq.question_id::text as question_id,
               q.correct_index, q.topic_id::text as topic_id
          from test_session_questions tsq
          join questions q on q.id = tsq.question_id
         where tsq.session_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(sessionIds)}::jsonb))`,
  );
  const questionAt = new Map(questionRows.map((row) => [`${row.session_id}:${row.position}`, row]));

  const answerEventsBySubmit = new Map<string, ExamAnswerEvent[]>();
  for (const row of answers) {
    const { payload } = upcastPayload(row.event_type, row.event_version, row.payload_json);
    const list = answerEventsBySubmit.get(row.submit_id) ?? [];
    list.push({ eventType: row.event_type, payload: payload as ExamAnswerEvent["payload"] });
    answerEventsBySubmit.set(row.submit_id, list);
  }

  for (const submit of submits) {
    const standing = standingAnswers(answerEventsBySubmit.get(submit.id) ?? []);
    const answered: AnsweredExamQuestion[] = [];
    for (const [position, selectedIndex] of [...standing].sort(([a], [b]) => a - b)) {
      const question = questionAt.get(`${submit.sessionId}:${position}`);
      if (!question) continue;
      answered.push({
        attemptId: derivedEventId(submit.id, question.question_id),
        userId: submit.userId,
        sessionId: submit.sessionId,
        questionId: question.question_id,
        topicId: question.topic_id,
        submittedAt: submit.eventTs,
        selectedIndex,
        correctIndex: question.correct_index,
      });
    }
    if (answered.length > 0) bySubmit.set(submit.id, answered);
  }
  return bySubmit;
}
