import type { SessionScore } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { isoTimestamp } from "./iso-timestamp.ts";
import { scorePercent } from "./score-percent.ts";

interface ScoreRow {
  status: string;
  submittedAt: string | null;
  submitReason: "manual" | "expired" | null;
  answered: number;
  correct: number;
  total: number;
}

/** The score of a submitted session, from its saved answers and the bank's correct options. */
export async function scoreSession(executor: Executor, sessionId: string): Promise<SessionScore> {
  const [row] = await rowsOf<ScoreRow>(
    executor,
    sql`select ts.status, ${isoTimestamp(sql`ts.submitted_at`)} as "submittedAt", ts.submit_reason as "submitReason",
               count(tq.selected_index)::int as answered,
               (count(*) filter (where tq.selected_index = q.correct_index))::int as correct,
               count(tq.position)::int as total
          from test_sessions ts
          left join test_session_questions tq on tq.session_id = ts.id
          left join questions q on q.id = tq.question_id
         where ts.id = ${sessionId}::uuid
         group by ts.id`,
  );
  if (!row || row.status !== "submitted" || !row.submittedAt || !row.submitReason) {
    throw new Error(`Session '${sessionId}' has no score because it is not submitted; submit it first.`);
  }
  return {
    sessionId,
    status: "submitted",
    submittedAt: row.submittedAt,
    submitReason: row.submitReason,
    answered: row.answered,
    correct: row.correct,
    total: row.total,
    scorePercent: scorePercent(row.correct, row.total),
  };
}
