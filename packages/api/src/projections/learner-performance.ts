import type { EventPayload } from "@chronicle/contracts";
import { learnerScores, learnerWeakAreas, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LoggedEvent, Projection } from "./projection.ts";

interface WeakAreaDelta {
  user_id: string;
  area: string;
  mentions: number;
  last_seen_at: string;
}

/** Areas are compared case-insensitively, so "Graphs" and "GRAPHS" are one area. */
const areaKey = (area: string) => area.trim().toLowerCase();

/**
 * Seed 001's interview_completed and assessment_submitted, per learner: the score series
 * (learner_scores, one row per event with a score, keyed by event id) and the weak areas
 * interviews name (learner_weak_areas: mentions add up, last_seen_at is the latest event_ts).
 * Reads only the batch; inserts skip known ids and mentions are sums, so a rebuild equals the
 * incremental tables however the log is cut.
 */
export const learnerPerformanceProjection: Projection = {
  name: "learner-performance",
  eventTypes: ["interview_completed", "assessment_submitted"],
  tables: [learnerScores, learnerWeakAreas],
  async apply(tx: Transaction, events: readonly LoggedEvent[]) {
    const scores = events.flatMap((event) => {
      if (event.eventType === "interview_completed") {
        const payload = event.payload as EventPayload<"interview_completed">;
        return [{ event_id: event.id, user_id: event.userId, kind: "interview", item_id: payload.interviewId, score: payload.score, scored_at: event.eventTs }];
      }
      const payload = event.payload as EventPayload<"assessment_submitted">;
      return payload.score === undefined ? [] : [{ event_id: event.id, user_id: event.userId, kind: "assessment", item_id: payload.assessmentId, score: payload.score, scored_at: event.eventTs }];
    });
    const areas = new Map<string, WeakAreaDelta>();
    for (const event of events) {
      if (event.eventType !== "interview_completed") continue;
      const named = new Set(((event.payload as EventPayload<"interview_completed">).weakAreas ?? []).map(areaKey).filter((area) => area.length > 0));
      for (const area of named) {
        const key = `${event.userId}:${area}`;
        const delta = areas.get(key) ?? { user_id: event.userId, area, mentions: 0, last_seen_at: event.eventTs };
        delta.mentions += 1;
        if (event.eventTs > delta.last_seen_at) delta.last_seen_at = event.eventTs;
        areas.set(key, delta);
      }
    }
    if (scores.length > 0) {
      await tx.execute(sql`
        insert into learner_scores (event_id, user_id, kind, item_id, score, scored_at)
        select event_id, user_id, kind, item_id, score, scored_at
          from jsonb_to_recordset(${JSON.stringify(scores)}::jsonb) as r(event_id uuid, user_id uuid, kind text, item_id text, score real, scored_at timestamptz)
        on conflict (event_id) do nothing`);
    }
    if (areas.size > 0) {
      await tx.execute(sql`
        insert into learner_weak_areas as w (user_id, area, mentions, last_seen_at)
        select user_id, area, mentions, last_seen_at
          from jsonb_to_recordset(${JSON.stringify([...areas.values()])}::jsonb) as r(user_id uuid, area text, mentions int, last_seen_at timestamptz)
        on conflict (user_id, area) do update set
          mentions = w.mentions + excluded.mentions,
          last_seen_at = greatest(w.last_seen_at, excluded.last_seen_at)`);
    }
  },
};
