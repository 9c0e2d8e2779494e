import type { SessionScore } from "@chronicle/contracts";
import type { ExamDeps } from "./exam-deps.ts";
import { findSettledSession } from "./find-settled-session.ts";
import { scoreSession } from "./score-session.ts";
import { submitSessions } from "./submit-sessions.ts";

/**
 * Submits the learner's session and returns its score. Idempotent: a submitted session
 * keeps its first time and reason. A session whose clock already ran out is submitted as
 * expired (by `findSettledSession`), whatever the learner asked, because the limit decided it.
 */
export async function submitSession(deps: ExamDeps, userId: string, sessionId: string): Promise<SessionScore> {
  const session = await findSettledSession(deps, userId, sessionId);
  if (session.status === "active") await submitSessions(deps, [session.id], "manual", deps.now());
  return scoreSession(deps.db.orm, session.id);
}
