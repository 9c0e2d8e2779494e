import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

export interface StreakState {
  currentStreak: number;
  longestStreak: number;
  /** UTC day of the last streak_continued; null before the first check-in. */
  lastCheckinDay: string | null;
}

/**
 * Learners' streaks read from the log, not from user_gamification: check-ins and the
 * broken-streak job must not act on a projection that is a moment behind. The current
 * streak is the new_streak of the learner's last streak event (0 after streak_broken).
 */
export async function readStreakStates(executor: Executor, userIds: readonly string[]): Promise<Map<string, StreakState>> {
  if (userIds.length === 0) return new Map();
  const rows = await rowsOf<{ user_id: string; current_streak: number | null; longest_streak: number | null; last_checkin_day: string | null }>(
    executor,
    sql`select u.user_id::text as user_id, latest.new_streak as current_streak, best.longest_streak, checkin.day as last_checkin_day
          from (select distinct value::uuid as user_id from jsonb_array_elements_text(${JSON.stringify(userIds)}::jsonb)) as u
          left join lateral (
            select (e.payload_json->>'new_streak')::int as new_streak from events e
             where e.user_id = u.user_id and e.event_type in ('streak_continued', 'streak_broken')
             order by e.event_ts desc, e.ingest_seq desc limit 1) as latest on true
          left join lateral (
            select to_char(e.event_ts at time zone 'UTC', 'YYYY-MM-DD') as day from events e
             where e.user_id = u.user_id and e.event_type = 'streak_continued'
             order by e.event_ts desc, e.ingest_seq desc limit 1) as checkin on true
          left join lateral (
            select max((e.payload_json->>'new_streak')::int) as longest_streak from events e
             where e.user_id = u.user_id and e.event_type = 'streak_continued') as best on true`,
  );
  return new Map(
    rows.map((row) => [
      row.user_id,
      { currentStreak: row.current_streak ?? 0, longestStreak: row.longest_streak ?? 0, lastCheckinDay: row.last_checkin_day },
    ]),
  );
}
