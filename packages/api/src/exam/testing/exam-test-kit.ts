import type { Database } from "@chronicle/db";
import { sql } from "drizzle-orm";

export interface LoggedSessionEvent {
  type: string;
  questionId: string | null;
  payload: Record<string, unknown>;
  eventTs: string;
}

/** The session's events in log order, as the projections read them. */
export async function sessionEvents(db: Database, sessionId: string): Promise<LoggedSessionEvent[]> {
  return db.rows<LoggedSessionEvent>(
    sql`select event_type as type, question_id::text as "questionId", payload_json as payload,
               to_char(event_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "eventTs"
          from events where session_id = ${sessionId}::uuid order by tx_id, ingest_seq`,
  );
}

export interface BankAnswer {
  correctIndex: number;
  optionCount: number;
  topicId: string;
  topicName: string;
}

/** The bank's answer key for the given questions, so a test can choose right and wrong answers itself. */
export async function answerKey(db: Database, questionIds: readonly string[]): Promise<Map<string, BankAnswer>> {
  const rows = await db.rows<BankAnswer & { id: string }>(
    sql`select q.id::text as id, q.correct_index as "correctIndex", jsonb_array_length(q.options) as "optionCount",
               t.id::text as "topicId", t.name as "topicName"
          from questions q join topics t on t.id = q.topic_id
         where q.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(questionIds)}::jsonb))`,
  );
  return new Map(rows.map(({ id, ...answer }) => [id, answer]));
}

/** An option index that is not the correct one. */
export function wrongIndex(answer: BankAnswer, skip = 0): number {
  return (answer.correctIndex + 1 + skip) % answer.optionCount;
}

/** A clock tests move by hand; the server reads it through `deps.now`. */
export function manualClock(start = "2026-03-02T09:00:00.000Z") {
  let current = new Date(start);
  return {
    now: () => current,
    advance(seconds: number) {
      current = new Date(current.getTime() + seconds * 1000);
      return current;
    },
  };
}
