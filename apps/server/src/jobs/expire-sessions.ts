import { rowsOf } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { examDepsOf } from "../exam/exam-deps.ts";
import { submitSessions } from "../exam/submit-sessions.ts";
import type { Job } from "./job.ts";

/** At most this many sessions per statement, so one late run never holds a huge update. */
const EXPIRY_BATCH = 500;

/**
 * Seed 000's auto-submit on expiry, for learners who never come back: every active
 * session whose countdown has reached zero gets SESSION_EXPIRED then SESSION_SUBMITTED
 * {reason: "expired"}. Sessions already submitted are skipped, so a second run does nothing.
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
      await submitSessions(examDeps, due.map((row) => row.id), "expired", now);
      if (due.length < EXPIRY_BATCH) return;
    }
  },
};
