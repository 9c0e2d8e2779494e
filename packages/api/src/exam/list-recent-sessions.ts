import type { RecentSession } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { isoTimestamp } from "./iso-timestamp.ts";
import { scorePercent } from "./score-percent.ts";

interface RecentRow {
  sessionId: string;
  mode: RecentSession["mode"];
  status: RecentSession["status"];
  questionCount: number;
  answered: number;
  correct: number;
  total: number;
  createdAt: string;
  submittedAt: string | null;
  isOpen: boolean;
}

export const DEFAULT_RECENT_SESSIONS = 10;

/** The learner's own latest test sessions, newest first, with the score of each submitted one. */
export async function listRecentSessions(executor: Executor, userId: string, now: Date, limit = DEFAULT_RECENT_SESSIONS): Promise<RecentSession[]> {
  const rows = await rowsOf<RecentRow>(
    executor,
    sql`select ts.id::text as "sessionId", ts.mode, ts.status, ts.question_count as "questionCount",
               count(tq.selected_index)::int as answered,
               (count(*) filter (where tq.selected_index = q.correct_index))::int as correct,
               count(tq.position)::int as total,
               ${isoTimestamp(sql`ts.created_at`)} as "createdAt",
               ${isoTimestamp(sql`ts.submitted_at`)} as "submittedAt",
               (ts.status = 'active' and (ts.expires_at is null or ts.expires_at > ${now.toISOString()}::timestamptz)) as "isOpen"
          from (select * from test_sessions where user_id = ${userId}::uuid order by created_at desc, id limit ${limit}) ts
          left join test_session_questions tq on tq.session_id = ts.id
          left join questions q on q.id = tq.question_id
         group by ts.id, ts.mode, ts.status, ts.question_count, ts.created_at, ts.submitted_at, ts.expires_at
         order by ts.created_at desc, ts.id`,
  );
  return rows.map((row) => ({
    sessionId: row.sessionId,
    mode: row.mode,
    status: row.status,
    questionCount: row.questionCount,
    answered: row.answered,
    createdAt: row.createdAt,
    submittedAt: row.submittedAt,
    scorePercent: row.status === "submitted" ? scorePercent(row.correct, row.total) : null,
    canResume: row.isOpen === true,
  }));
}
