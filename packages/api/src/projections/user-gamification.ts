import type { EventPayloadInput } from "@chronicle/contracts";
import { userGamification, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { utcDay } from "../gamification/utc-day.ts";
import type { LoggedEvent, Projection } from "./projection.ts";

interface LearnerChange {
  user_id: string;
  xp_gained: number;
  max_level: number | null;
  /** new_streak of the learner's last streak event in the batch; null leaves the stored streak alone. */
  current_streak: number | null;
  max_streak: number | null;
  last_checkin_day: string | null;
  achievements: string[];
}

/** Folds one batch, in log order, into one change per learner. */
function changesOf(events: readonly LoggedEvent[]): LearnerChange[] {
  const changes = new Map<string, LearnerChange>();
  for (const event of events) {
    let change = changes.get(event.userId);
    if (!change) {
      change = { user_id: event.userId, xp_gained: 0, max_level: null, current_streak: null, max_streak: null, last_checkin_day: null, achievements: [] };
      changes.set(event.userId, change);
    }
    switch (event.eventType) {
      case "xp_earned":
        change.xp_gained += (event.payload as EventPayloadInput<"xp_earned">).xp_amount;
        break;
      case "level_up":
        change.max_level = Math.max(change.max_level ?? 1, (event.payload as EventPayloadInput<"level_up">).new_level);
        break;
      case "achievement_unlocked": {
        const id = (event.payload as EventPayloadInput<"achievement_unlocked">).achievement_id;
        if (!change.achievements.includes(id)) change.achievements.push(id);
        break;
      }
      case "streak_continued":
      case "streak_broken": {
        const newStreak = (event.payload as EventPayloadInput<"streak_continued">).new_streak;
        change.current_streak = newStreak;
        change.max_streak = Math.max(change.max_streak ?? 0, newStreak);
        if (event.eventType === "streak_continued") change.last_checkin_day = utcDay(event.eventTs);
        break;
      }
    }
  }
  return [...changes.values()];
}

/**
 * user_gamification from the gamification events alone (never from the XP awarder's
 * table), so a rebuild from the log gives the same rows. A learner's check-in day is the
 * UTC date of the streak_continued event.
 */
export const userGamificationProjection: Projection = {
  name: "user-gamification",
  eventTypes: ["xp_earned", "level_up", "achievement_unlocked", "streak_continued", "streak_broken"],
  tables: [userGamification],
  async apply(tx: Transaction, events: readonly LoggedEvent[]) {
    const records = JSON.stringify(changesOf(events));
    await tx.execute(sql`
      insert into user_gamification (user_id)
      select user_id from jsonb_to_recordset(${records}::jsonb) as r(user_id uuid)
      on conflict (user_id) do nothing`);
    await tx.execute(sql`
      update user_gamification g
         set total_xp = g.total_xp + r.xp_gained,
             level = greatest(g.level, coalesce(r.max_level, g.level)),
             current_streak = coalesce(r.current_streak, g.current_streak),
             longest_streak = greatest(g.longest_streak, coalesce(r.max_streak, 0)),
             last_checkin_day = coalesce(r.last_checkin_day, g.last_checkin_day),
             achievements = g.achievements || coalesce(
               (select jsonb_agg(a.id order by a.ord)
                  from jsonb_array_elements_text(r.achievements) with ordinality as a(id, ord)
                 where not g.achievements @> jsonb_build_array(a.id)), '[]'::jsonb)
        from jsonb_to_recordset(${records}::jsonb) as r(user_id uuid, xp_gained int, max_level int, current_streak int,
               max_streak int, last_checkin_day date, achievements jsonb)
       where g.user_id = r.user_id`);
  },
};
