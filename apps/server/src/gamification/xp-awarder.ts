import { gamificationProgress, type Transaction } from "@chronicle/db";
import { emitServerEvents } from "../emit/emit-server-events.ts";
import type { LoggedEvent, Projection } from "../projections/projection.ts";
import { activitiesOf, xpSourceEventTypes } from "./activities-of-events.ts";
import { awardActivity, type AwardedEvent } from "./award-activity.ts";
import { ensureGamificationSessions, gamificationSessionId } from "./gamification-session.ts";
import { loadProgress, saveProgress } from "./progress-store.ts";

/** Appends the events in log order, one statement per run of events that share a timestamp. */
async function emitInOrder(tx: Transaction, events: readonly AwardedEvent[]): Promise<void> {
  for (let start = 0; start < events.length; ) {
    let end = start + 1;
    while (end < events.length && events[end]!.at === events[start]!.at) end += 1;
    await emitServerEvents(tx, events.slice(start, end), new Date(events[start]!.at));
    start = end;
  }
}

/**
 * The XP process manager, run as a projection: it reads activity events and, in the same
 * transaction that moves its checkpoint, appends xp_earned, level_up and
 * achievement_unlocked. Its own table gamification_progress holds running totals and
 * achievement counters. `chronicle rebuild` empties that table and replays the log: the
 * replay recomputes the same events with the same derived ids and event_ts, appendEvents
 * skips ids already stored, so the log is unchanged and the table is as before.
 */
export const xpAwarder: Projection = {
  name: "xp-awarder",
  eventTypes: xpSourceEventTypes,
  tables: [gamificationProgress],
  async apply(tx: Transaction, events: readonly LoggedEvent[]) {
    const activities = await activitiesOf(tx, events);
    const progress = await loadProgress(tx, [...new Set(activities.map((a) => a.userId))]);
    const emitted: AwardedEvent[] = [];
    for (const activity of activities) {
      const result = awardActivity(progress.get(activity.userId)!, activity);
      progress.set(activity.userId, result.progress);
      emitted.push(...result.events);
    }
    const gamificationSessionUsers = emitted.filter((e) => e.sessionId === gamificationSessionId(e.userId)).map((e) => e.userId);
    await ensureGamificationSessions(tx, gamificationSessionUsers);
    await saveProgress(tx, progress);
    // Last: inserting into events takes the log-position lock until commit (docs/aggregates.md).
    await emitInOrder(tx, emitted);
  },
};
