import type { EventPayload } from "@chronicle/contracts";
import type { LoggedEvent } from "../projections/projection.ts";
import { isoWeekStart, utcDay } from "./utc-calendar.ts";

/** What a batch adds to one learner's UTC day (the learning-stats projection's columns). */
export interface DailyActivityTally {
  userId: string;
  day: string;
  weekStart: string;
  studySeconds: number;
  sessionsStarted: number;
  materialsCompleted: number;
  xpEarned: number;
  eventsCount: number;
}

export interface TopicMaterialsTally {
  topicId: string;
  day: string;
  materialsCompleted: number;
}

export interface ActivityTallies {
  days: DailyActivityTally[];
  topicDays: TopicMaterialsTally[];
}

/**
 * Sums a batch per learner and UTC day of event_ts: every event counts in events_count;
 * a study session_start or an exam SESSION_CREATED starts a session; study time is what a
 * session_end's cumulative active_seconds adds beyond the highest figure an earlier end of
 * the same session reported (`earlierEndSeconds`, keyed by event id), so a session's time
 * is counted once however many ends it sends; XP comes from xp_earned events.
 * material_complete also counts for its topic's day.
 */
export function tallyDailyActivity(events: readonly LoggedEvent[], earlierEndSeconds: ReadonlyMap<string, number> = new Map()): ActivityTallies {
  const days = new Map<string, DailyActivityTally>();
  const topicDays = new Map<string, TopicMaterialsTally>();
  for (const event of events) {
    const day = utcDay(event.eventTs);
    const key = `${event.userId}:${day}`;
    let tally = days.get(key);
    if (!tally) {
      tally = { userId: event.userId, day, weekStart: isoWeekStart(day), studySeconds: 0, sessionsStarted: 0, materialsCompleted: 0, xpEarned: 0, eventsCount: 0 };
      days.set(key, tally);
    }
    tally.eventsCount += 1;
    switch (event.eventType) {
      case "session_start":
      case "SESSION_CREATED":
        tally.sessionsStarted += 1;
        break;
      case "session_end": {
        const reported = (event.payload as EventPayload<"session_end">).active_seconds;
        tally.studySeconds += Math.max(0, reported - (earlierEndSeconds.get(event.id) ?? 0));
        break;
      }
      case "xp_earned":
        tally.xpEarned += (event.payload as EventPayload<"xp_earned">).xp_amount;
        break;
      case "material_complete": {
        tally.materialsCompleted += 1;
        const topicId = (event.payload as EventPayload<"material_complete">).topic_id?.toLowerCase();
        if (topicId) {
          const topicKey = `${topicId}:${day}`;
          const topicDay = topicDays.get(topicKey) ?? { topicId, day, materialsCompleted: 0 };
          topicDay.materialsCompleted += 1;
          topicDays.set(topicKey, topicDay);
        }
        break;
      }
      default:
        break;
    }
  }
  return { days: [...days.values()], topicDays: [...topicDays.values()] };
}
