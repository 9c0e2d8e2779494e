import type { SessionView } from "@chronicle/contracts";
import { rowsOf } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { ExamDeps } from "./exam-deps.ts";
import { findSettledSession } from "./find-settled-session.ts";
import { secondsLeftAt } from "./time-limit.ts";

type QuestionView = SessionView["questions"][number];

/**
 * The learner's session as the player shows it. Only stems and options are read from the
 * bank: the correct option and explanation stay on the server until the session is submitted.
 */
export async function readSession(deps: ExamDeps, userId: string, sessionId: string): Promise<SessionView> {
  const session = await findSettledSession(deps, userId, sessionId);
  const questions = await rowsOf<QuestionView>(
    deps.db.orm,
    sql`select tq.position, tq.question_id::text as "questionId", q.stem, q.options,
               tq.selected_index as "selectedIndex", tq.is_marked as marked
          from test_session_questions tq join questions q on q.id = tq.question_id
         where tq.session_id = ${session.id}::uuid
         order by tq.position`,
  );
  const isRunning = session.status === "active" && session.expiresAt !== null;
  return {
    sessionId: session.id,
    mode: session.mode,
    status: session.status,
    questionCount: session.questionCount,
    timeLimitSeconds: session.timeLimitSeconds,
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
    secondsLeft: isRunning ? secondsLeftAt(session.expiresAt!, deps.now()) : null,
    submittedAt: session.submittedAt,
    submitReason: session.submitReason,
    questions,
  };
}
