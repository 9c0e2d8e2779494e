import type { SessionReview } from "@chronicle/contracts";
import { rowsOf } from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { emitBestEffort } from "../emit/emit-server-events.ts";
import type { ExamDeps } from "./exam-deps.ts";
import { findSettledSession } from "./find-settled-session.ts";
import { scoreSession } from "./score-session.ts";
import { summarizeTopics } from "./summarize-topics.ts";

interface ReviewRow {
  position: number;
  questionId: string;
  stem: string;
  options: string[];
  selectedIndex: number | null;
  correctIndex: number;
  explanation: string;
  topicId: string;
  topicName: string;
}

/** The submitted session with answers, correct options and explanations; records REVIEW_OPENED. */
export async function reviewSession(deps: ExamDeps, userId: string, sessionId: string): Promise<SessionReview> {
  const session = await findSettledSession(deps, userId, sessionId);
  if (session.status !== "submitted") {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Submit the session before opening its review." });
  }
  const rows = await rowsOf<ReviewRow>(
    deps.db.orm,
    sql`select tq.position, tq.question_id::text as "questionId", q.stem, q.options, tq.selected_index as "selectedIndex",
               q.correct_index as "correctIndex", q.explanation, t.id::text as "topicId", t.name as "topicName"
          from test_session_questions tq
          join questions q on q.id = tq.question_id
          join topics t on t.id = q.topic_id
         where tq.session_id = ${session.id}::uuid
         order by tq.position`,
  );
  const questions = rows.map(({ topicId, topicName, ...row }) => ({
    ...row,
    isCorrect: row.selectedIndex === row.correctIndex,
    topic: { id: topicId, name: topicName },
  }));
  const score = await scoreSession(deps.db.orm, session.id);
  await emitBestEffort(deps, deps.db.orm, [{ type: "REVIEW_OPENED", sessionId: session.id, userId, payload: {} }], deps.now());
  return { score, questions, topics: summarizeTopics(questions) };
}
