import type { AnswerQuestionInput, AnswerQuestionOutput } from "@chronicle/contracts";
import { emitBestEffort } from "../emit/emit-server-events.ts";
import type { ExamDeps } from "./exam-deps.ts";
import { findSettledSession } from "./find-settled-session.ts";
import { planAnswer } from "./plan-answer.ts";
import { findSavedQuestionState, saveQuestionState } from "./saved-question-state.ts";
import { sessionAlreadySubmitted } from "./session-errors.ts";
import { submitSessions } from "./submit-sessions.ts";
import { findOwnedSession, isOverdue } from "./test-session-record.ts";

/**
 * Saves a select or mark action, then emits the event that records it. The save comes
 * first and stands on its own: telemetry is best-effort and never undoes the learner's answer.
 * An expired session is submitted as expired and the action refused.
 */
export async function answerQuestion(deps: ExamDeps, userId: string, input: AnswerQuestionInput): Promise<AnswerQuestionOutput> {
  const settled = await findSettledSession(deps, userId, input.sessionId);
  if (settled.status !== "active") throw sessionAlreadySubmitted(settled);
  const at = deps.now();
  const plan = await deps.db.transaction(async (tx) => {
    // The row lock makes a concurrent submit wait for this answer, or this answer see the submit.
    const session = await findOwnedSession(tx, input.sessionId, userId, true);
    if (session.status !== "active") throw sessionAlreadySubmitted(session);
    if (isOverdue(session, at)) return "overdue" as const;
    const current = await findSavedQuestionState(tx, session.id, input.position);
    const next = planAnswer(current, input, userId);
    if (next.event) await saveQuestionState(tx, session.id, input.position, next);
    return next;
  });
  if (plan === "overdue") {
    // The clock ran out between the first look and the lock: finalise it now rather than leave it to the job.
    await submitSessions(deps, [input.sessionId], "expired", at);
    throw sessionAlreadySubmitted({ id: input.sessionId, submitReason: "expired" });
  }
  if (plan.event) await emitBestEffort(deps, deps.db.orm, [plan.event], at);
  return { sessionId: input.sessionId, position: input.position, selectedIndex: plan.selectedIndex, marked: plan.marked, emitted: plan.event?.type ?? null };
}
