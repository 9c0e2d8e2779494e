import type { SessionScore } from "@chronicle/contracts";
import { TRPCError } from "@trpc/server";
import { ReasonedError } from "../errors/reasoned-error.ts";
import type { ExamDeps } from "./exam-deps.ts";
import { findSettledSession } from "./find-settled-session.ts";
import { scoreSession } from "./score-session.ts";
import { submitSessions } from "./submit-sessions.ts";

/**
 * Submits the learner's session and returns its score. Idempotent: a submitted session
 * keeps its first time and reason. A session whose clock already ran out is submitted as
 * expired (by `findSettledSession`), whatever the learner asked, because the limit decided it.
 * The submission and its SESSION_SUBMITTED event commit together; when the event cannot be
 * stored the submit is refused as a whole (503), the session stays open with every answer
 * saved, and submitting again is safe.
 */
export async function submitSession(deps: ExamDeps, userId: string, sessionId: string): Promise<SessionScore> {
  const session = await findSettledSession(deps, userId, sessionId);
  if (session.status === "active") {
    try {
      await submitSessions(deps, [session.id], "manual", deps.now());
    } catch (error) {
      deps.log.error("exam.submit_failed", { sessionId, error });
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: `Chronicle could not submit session '${sessionId}'; nothing changed and your answers are saved, submit again in ${deps.retryAfterSeconds ?? 5} seconds.`,
        cause: new ReasonedError("store_unavailable", "the submission and its event could not be stored", { cause: error }),
      });
    }
  }
  return scoreSession(deps.db.orm, session.id);
}
