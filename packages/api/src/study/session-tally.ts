import type { EventPayload, EventType } from "@chronicle/contracts";
import type { LoggedEvent } from "../projections/projection.ts";

/** What a batch of events adds to one study session row. */
export interface SessionTally {
  sessionId: string;
  userId: string;
  /** Earliest event_ts in the batch: a session seen before its session_start still has a start. */
  startedAt: string;
  /**
   * From the batch's session_ends: ended_at of the last in log order, the durations the
   * highest reported (session_end carries cumulative figures); null when the batch has none.
   */
  end: { endedAt: string; durationSeconds: number; activeSeconds: number } | null;
  pauseCount: number;
  materialsViewed: number;
  materialsCompleted: number;
  chunksRead: number;
  questionsAttempted: number;
  questionsCorrect: number;
  aiInteractions: number;
  xpEarned: number;
  achievementsUnlocked: number;
}

/** Every event type that touches a study session row (session_resume only makes sure it exists). */
export const studySessionEventTypes = [
  "session_start",
  "session_end",
  "session_pause",
  "session_resume",
  "material_open",
  "material_complete",
  "material_read",
  "question_submit",
  "ai_question_asked",
  "xp_earned",
  "achievement_unlocked",
] as const satisfies readonly EventType[];

function emptyTally(event: LoggedEvent): SessionTally {
  return {
    sessionId: event.sessionId,
    userId: event.userId,
    startedAt: event.eventTs,
    end: null,
    pauseCount: 0,
    materialsViewed: 0,
    materialsCompleted: 0,
    chunksRead: 0,
    questionsAttempted: 0,
    questionsCorrect: 0,
    aiInteractions: 0,
    xpEarned: 0,
    achievementsUnlocked: 0,
  };
}

function count(tally: SessionTally, event: LoggedEvent): void {
  switch (event.eventType) {
    case "session_end": {
      const payload = event.payload as EventPayload<"session_end">;
      tally.end = {
        endedAt: event.eventTs,
        durationSeconds: Math.max(payload.duration_seconds, tally.end?.durationSeconds ?? 0),
        activeSeconds: Math.max(payload.active_seconds, tally.end?.activeSeconds ?? 0),
      };
      return;
    }
    case "session_pause":
      tally.pauseCount += 1;
      return;
    case "material_open":
      tally.materialsViewed += 1;
      return;
    case "material_complete":
      tally.materialsCompleted += 1;
      return;
    case "material_read":
      tally.chunksRead += 1;
      return;
    case "question_submit":
      tally.questionsAttempted += 1;
      if ((event.payload as EventPayload<"question_submit">).is_correct) tally.questionsCorrect += 1;
      return;
    case "ai_question_asked":
      tally.aiInteractions += 1;
      return;
    case "xp_earned":
      tally.xpEarned += (event.payload as EventPayload<"xp_earned">).xp_amount;
      return;
    case "achievement_unlocked":
      tally.achievementsUnlocked += 1;
      return;
    default:
      return;
  }
}

/**
 * Sums a batch (in log order) per session. Every part merges with the stored row by a
 * commutative rule (sums, earliest start, last end in log order, highest cumulative durations), so any cut of the log
 * into batches gives the same row.
 */
export function tallySessions(events: readonly LoggedEvent[]): SessionTally[] {
  const tallies = new Map<string, SessionTally>();
  for (const event of events) {
    let tally = tallies.get(event.sessionId);
    if (!tally) tallies.set(event.sessionId, (tally = emptyTally(event)));
    // read-log formats every event_ts the same way, so ISO strings order like times.
    if (event.eventTs < tally.startedAt) tally.startedAt = event.eventTs;
    count(tally, event);
  }
  return [...tallies.values()];
}
