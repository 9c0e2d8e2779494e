import type { ExamDeps } from "./exam-deps.ts";
import { submitSessions } from "./submit-sessions.ts";
import { findOwnedSession, isOverdue, type TestSessionRecord } from "./test-session-record.ts";

/**
 * The learner's session as it stands at `deps.now()`: one whose clock ran out is submitted
 * as expired first, so the learner never sees a running session past its deadline even
 * before the expiry job gets to it.
 */
export async function findSettledSession(deps: ExamDeps, userId: string, sessionId: string): Promise<TestSessionRecord> {
  const now = deps.now();
  const session = await findOwnedSession(deps.db.orm, sessionId, userId);
  if (!isOverdue(session, now)) return session;
  await submitSessions(deps, [session.id], "expired", now);
  return findOwnedSession(deps.db.orm, sessionId, userId);
}
