import { rowsOf } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { examDepsOf } from "../exam/exam-deps.ts";
import { submitSessions } from "../exam/submit-sessions.ts";
import type { ExamDeps } from "../exam/exam-deps.ts";
import type { Job } from "./job.ts";

/**
 * Expires the sessions in one transaction; if that fails, one by one, so a session whose
 * events cannot be stored never holds back the others. Each session still expires together
 * with its events or not at all, and one left behind is tried again on the next run.
 */
async function expireAll(deps: ExamDeps, sessionIds: readonly string[], now: Date): Promise<void> {
  try {
    await submitSessions(deps, sessionIds, "expired", now);
    return;
  } catch (error) {
    deps.log.warn("exam.expire_batch_failed", { sessions: sessionIds.length, error });
  }
  const failed: string[] = [];
  for (const sessionId of sessionIds) {
    try {
      await submitSessions(deps, [sessionId], "expired", now);
    } catch (error) {
      deps.log.error("exam.expire_failed", { sessionId, error });
      failed.push(sessionId);
    }
  }
  if (failed.length > 0) throw new Error(`${failed.length} expired session(s) could not be submitted with their events; the next run tries again.`);
}

/** At most this many sessions per statement, so one late run never holds a huge update. */
const EXPIRY_BATCH = 500;

/**
 * Seed 000's auto-submit on expiry, for learners who never come back: every active
 * session whose countdown has reached zero gets SESSION_EXPIRED then SESSION_SUBMITTED
 * {reason: "expired"}, in the same transaction as the state change. Sessions already
 * submitted are skipped, so a second run does nothing.
 */
export const expireSessionsJob: Job = {
  name: "expire-sessions",
  intervalMs: 5_000,
  async run(deps, now) {
    const examDeps = examDepsOf({ ...deps, now: () => now });
    for (;;) {
      const due = await rowsOf<{ id: string }>(
        deps.db.orm,
        sql`select id::text as id from test_sessions
             where status = 'active' and expires_at <= ${now.toISOString()}::timestamptz
             order by expires_at limit ${EXPIRY_BATCH}`,
      );
      if (due.length === 0) return;
      await expireAll(examDeps, due.map((row) => row.id), now);
      if (due.length < EXPIRY_BATCH) return;
    }
  },
};
