import { derivedEventId, type ServerEvent } from "../emit/emit-server-events.ts";
import { gamificationSessionId } from "./gamification-session.ts";

/**
 * The streak_broken for a streak whose last check-in was `lastCheckinDay`. The id is
 * derived from that day, so the job and an inline check-in that both notice it store it once.
 */
export function streakBrokenEvent(userId: string, lastCheckinDay: string, oldStreak: number): ServerEvent<"streak_broken"> & { id: string } {
  return {
    id: derivedEventId(userId, lastCheckinDay, "broken"),
    type: "streak_broken",
    sessionId: gamificationSessionId(userId),
    userId,
    payload: { old_streak: oldStreak, new_streak: 0, is_new_record: false },
  };
}

/** The day's one streak_continued: its id is derived from learner and UTC day, so a second check-in that day stores nothing. */
export function streakContinuedEvent(
  userId: string,
  day: string,
  oldStreak: number,
  longestStreak: number,
): ServerEvent<"streak_continued"> & { id: string } {
  const newStreak = oldStreak + 1;
  return {
    id: derivedEventId(userId, day, "checkin"),
    type: "streak_continued",
    sessionId: gamificationSessionId(userId),
    userId,
    payload: { old_streak: oldStreak, new_streak: newStreak, is_new_record: newStreak > longestStreak },
  };
}
