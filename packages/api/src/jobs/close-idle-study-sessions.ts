import { rowsOf } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { derivedEventId, emitServerEvents } from "../emit/emit-server-events.ts";
import { utcIso } from "../projections/sql-utc-iso.ts";
import type { Job } from "./job.ts";

/** session_end's durations are at most a day (the contract's bound). */
const MAX_SESSION_SECONDS = 86_400;

/** At most this many sessions per run, so one late run never holds a long transaction. */
const IDLE_BATCH = 500;

interface IdleSession {
  id: string;
  user_id: string;
  started_at: string;
  last_at: string;
  active_seconds: number;
  duration_seconds: number;
  materials_viewed: number;
  questions_attempted: number;
  xp_earned: number;
}

/**
 * Seed 002's inactivity rule: a study session with no event for CHRONICLE_STUDY_IDLE_MINUTES
 * (default 30) and no session_end is ended by the server with session_end {reason:
 * "inactivity"}, dated when the rule fired (last activity + the timeout). Its durations are
 * the time from the session's first to its last event, or what an earlier end reported if
 * more; session_end is cumulative, so daily study seconds count it once, and a client end
 * arriving later adds only what it reports beyond it. The id derives from the session, so a
 * second run (or a second worker) appends nothing.
 */
export const closeIdleStudySessionsJob: Job = {
  name: "close-idle-study-sessions",
  intervalMs: 60_000,
  async run(deps, now) {
    const idleMs = deps.env.CHRONICLE_STUDY_IDLE_MINUTES * 60_000;
    const cutoff = new Date(now.getTime() - idleMs).toISOString();
    const idle = await rowsOf<IdleSession>(
      deps.db.orm,
      sql`select s.id::text as id, s.user_id::text as user_id, ${utcIso(sql`s.started_at`)} as started_at, ${utcIso(sql`last.at`)} as last_at,
                 s.active_seconds, s.duration_seconds, s.materials_viewed, s.questions_attempted, s.xp_earned
            from study_sessions s
            cross join lateral (select max(e.event_ts) as at from events e where e.session_id = s.id) last
           where s.is_active and last.at <= ${cutoff}::timestamptz
           order by last.at limit ${IDLE_BATCH}`,
    );
    for (const session of idle) {
      const lastMs = Date.parse(session.last_at);
      const spanSeconds = Math.min(MAX_SESSION_SECONDS, Math.max(0, Math.round((lastMs - Date.parse(session.started_at)) / 1000)));
      await emitServerEvents(
        deps.db.orm,
        [
          {
            id: derivedEventId(session.id, "session_end", "inactivity"),
            type: "session_end",
            sessionId: session.id,
            userId: session.user_id,
            payload: {
              duration_seconds: Math.max(spanSeconds, session.duration_seconds),
              active_seconds: Math.max(spanSeconds, session.active_seconds),
              materials_viewed: session.materials_viewed,
              questions_attempted: session.questions_attempted,
              xp_earned: session.xp_earned,
              reason: "inactivity",
            },
          },
        ],
        new Date(lastMs + idleMs),
      );
    }
  },
};
