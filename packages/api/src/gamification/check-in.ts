import type { Database } from "@chronicle/db";
import { emitServerEvents, type ServerEvent } from "../emit/emit-server-events.ts";
import { ensureGamificationSessions } from "./gamification-session.ts";
import { lockLearnersForStreaks } from "./lock-learners.ts";
import { readStreakStates, type StreakState } from "./read-streak-states.ts";
import { streakBrokenEvent, streakContinuedEvent } from "./streak-events.ts";
import { previousUtcDay, utcDay } from "./utc-day.ts";

export interface CheckinOutcome {
  /** False when the learner had already checked in on this UTC day: nothing was stored. */
  isNewCheckin: boolean;
  checkinDay: string;
  currentStreak: number;
  longestStreak: number;
  isNewRecord: boolean;
}

/** What a check-in on `today` stores, given the learner's streak so far. */
export function planCheckin(userId: string, state: StreakState, today: string): { events: ServerEvent[]; outcome: CheckinOutcome } {
  if (state.lastCheckinDay !== null && state.lastCheckinDay >= today) {
    return {
      events: [],
      outcome: { isNewCheckin: false, checkinDay: today, currentStreak: state.currentStreak, longestStreak: state.longestStreak, isNewRecord: false },
    };
  }
  const events: ServerEvent[] = [];
  let oldStreak = state.currentStreak;
  // A gap the job has not reported yet is reported here, with the same id the job would use.
  if (oldStreak > 0 && state.lastCheckinDay !== null && state.lastCheckinDay !== previousUtcDay(today)) {
    events.push(streakBrokenEvent(userId, state.lastCheckinDay, oldStreak));
    oldStreak = 0;
  }
  const continued = streakContinuedEvent(userId, today, oldStreak, state.longestStreak);
  events.push(continued);
  const { new_streak: newStreak, is_new_record: isNewRecord } = continued.payload;
  return {
    events,
    outcome: { isNewCheckin: true, checkinDay: today, currentStreak: newStreak, longestStreak: Math.max(state.longestStreak, newStreak), isNewRecord },
  };
}

/** The daily check-in: at most one streak_continued per learner per UTC day. */
export async function checkIn(db: Database, userId: string, now: Date): Promise<CheckinOutcome> {
  return db.transaction(async (tx) => {
    await lockLearnersForStreaks(tx, [userId]);
    const state = (await readStreakStates(tx, [userId])).get(userId)!;
    const { events, outcome } = planCheckin(userId, state, utcDay(now));
    if (events.length > 0) {
      await ensureGamificationSessions(tx, [userId]);
      await emitServerEvents(tx, events, now);
    }
    return outcome;
  });
}
