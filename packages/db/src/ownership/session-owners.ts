import type { EventFamily } from "@chronicle/contracts";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "../client/database.ts";

export interface SessionOwner {
  userId: string;
  family: EventFamily;
}

/** Owners of the given session ids, in one query. */
export async function findSessionOwners(executor: Executor, sessionIds: readonly string[]): Promise<Map<string, SessionOwner>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await rowsOf<{ id: string; user_id: string; family: EventFamily }>(
    executor,
    sql`select id::text as id, user_id::text as user_id, family from sessions
         where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify([...new Set(sessionIds)])}::jsonb))`,
  );
  return new Map(rows.map((row) => [row.id, { userId: row.user_id, family: row.family }]));
}

export interface SessionClaim {
  sessionId: string;
  userId: string;
  family: EventFamily;
}

/**
 * Registers study, game and sync sessions on first sight: the first learner to send an
 * event for a session id owns it. Existing sessions are left as they are.
 */
export async function claimSessions(executor: Executor, claims: readonly SessionClaim[]): Promise<void> {
  if (claims.length === 0) return;
  const records = JSON.stringify(claims.map((c) => ({ id: c.sessionId, user_id: c.userId, family: c.family })));
  await executor.execute(sql`
    insert into sessions (id, user_id, family)
    select distinct on (id) id, user_id, family
      from jsonb_to_recordset(${records}::jsonb) as r(id uuid, user_id uuid, family text)
    on conflict (id) do nothing`);
}

/**
 * The (session, question) pairs that really are part of their exam session, as
 * "session:question" keys mapped to the question's 1-based position in that session.
 */
export async function findSessionQuestions(
  executor: Executor,
  pairs: readonly { sessionId: string; questionId: string }[],
): Promise<Map<string, number>> {
  if (pairs.length === 0) return new Map();
  const records = JSON.stringify(pairs.map((p) => ({ session_id: p.sessionId, question_id: p.questionId })));
  const rows = await rowsOf<{ key: string; position: number }>(
    executor,
    sql`select distinct q.session_id::text || ':' || q.question_id::text as key, q.position
          from test_session_questions q
          join jsonb_to_recordset(${records}::jsonb) as r(session_id uuid, question_id uuid)
            on q.session_id = r.session_id and q.question_id = r.question_id`,
  );
  return new Map(rows.map((row) => [row.key, Number(row.position)]));
}
