import { rowsOf } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { emitServerEvents } from "../emit/emit-server-events.ts";
import { ensureGamificationSessions } from "../gamification/gamification-session.ts";
import { lockLearnersForStreaks } from "../gamification/lock-learners.ts";
import { readStreakStates } from "../gamification/read-streak-states.ts";
import { streakBrokenEvent } from "../gamification/streak-events.ts";
import { previousUtcDay, utcDay } from "../gamification/utc-day.ts";
import type { Job } from "./job.ts";

/** Learners per transaction, so one late run never holds many locks at once. */
const BROKEN_STREAK_BATCH = 500;

/**
 * Seed 002's nightly job, run every minute so it fires soon after 00:00 UTC: a learner
 * whose last check-in was before yesterday (UTC) and whose streak is still above 0 gets
 * streak_broken. user_gamification only nominates candidates; the decision is taken on
 * the log, under the learner's streak lock, and the event's id is derived from the last
 * check-in day, so a second run, a second server or an inline check-in store it once.
 */
export const detectBrokenStreaksJob: Job = {
  name: "detect-broken-streaks",
  intervalMs: 60_000,
  async run(deps, now) {
    const yesterday = previousUtcDay(utcDay(now));
    let afterUserId = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const candidates = await rowsOf<{ user_id: string }>(
        deps.db.orm,
        sql`select user_id::text as user_id from user_gamification
             where current_streak > 0 and last_checkin_day < ${yesterday}::date and user_id > ${afterUserId}::uuid
             order by user_id limit ${BROKEN_STREAK_BATCH}`,
      );
      if (candidates.length === 0) return;
      const userIds = candidates.map((row) => row.user_id);
      const emitted = await deps.db.transaction(async (tx) => {
        await lockLearnersForStreaks(tx, userIds);
        const states = await readStreakStates(tx, userIds);
        const broken = [...states]
          .filter(([, state]) => state.currentStreak > 0 && state.lastCheckinDay !== null && state.lastCheckinDay < yesterday)
          .map(([userId, state]) => streakBrokenEvent(userId, state.lastCheckinDay!, state.currentStreak));
        await ensureGamificationSessions(tx, broken.map((event) => event.userId));
        await emitServerEvents(tx, broken, now);
        return broken.length;
      });
      if (emitted > 0) deps.projections.nudge();
      if (candidates.length < BROKEN_STREAK_BATCH) return;
      afterUserId = userIds[userIds.length - 1]!;
    }
  },
};
