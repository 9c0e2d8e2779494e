import type { EventPayload, EventType } from "@chronicle/contracts";
import type { LoggedEvent } from "../projections/projection.ts";

/** Seed 002: a chunk read to at least this scroll depth completes the material. */
export const COMPLETE_AT_SCROLL_PERCENT = 90;

export const materialEventTypes = [
  "material_open",
  "material_read",
  "material_complete",
  "material_highlight",
  "material_note",
  "material_bookmark",
] as const satisfies readonly EventType[];

type MaterialEventType = (typeof materialEventTypes)[number];

/** What a batch adds to one (session, material) interaction row. */
export interface MaterialTally {
  sessionId: string;
  materialId: string;
  userId: string;
  /** The first topic_id named in log order; a stored one is kept. */
  topicId: string | null;
  startedAt: string;
  /** Latest material_complete event_ts. */
  endedAt: string | null;
  durationSeconds: number;
  scrollDepthPercent: number;
  isComplete: boolean;
  highlightsCount: number;
  notesCount: number;
  bookmarked: boolean;
}

function isMaterialEvent(event: LoggedEvent): event is LoggedEvent & { eventType: MaterialEventType } {
  return (materialEventTypes as readonly string[]).includes(event.eventType);
}

/**
 * Sums a batch (in log order) per (session, material), following seed 002: a read adds its
 * time and raises the scroll depth (complete at ≥ 90 %), material_complete completes and
 * ends it, annotations count. The first event of any kind creates the row, so a read that
 * arrives before its open is never lost. Merges with the stored row are commutative.
 */
export function tallyMaterials(events: readonly LoggedEvent[]): MaterialTally[] {
  const tallies = new Map<string, MaterialTally>();
  for (const event of events) {
    if (!isMaterialEvent(event)) continue;
    const payload = event.payload as EventPayload<MaterialEventType>;
    // Ids are compared as text here: fold case as the uuid column would.
    const materialId = payload.material_id.toLowerCase();
    const key = `${event.sessionId}:${materialId}`;
    let tally = tallies.get(key);
    if (!tally) {
      tally = {
        sessionId: event.sessionId,
        materialId,
        userId: event.userId,
        topicId: null,
        startedAt: event.eventTs,
        endedAt: null,
        durationSeconds: 0,
        scrollDepthPercent: 0,
        isComplete: false,
        highlightsCount: 0,
        notesCount: 0,
        bookmarked: false,
      };
      tallies.set(key, tally);
    }
    tally.topicId ??= payload.topic_id?.toLowerCase() ?? null;
    if (event.eventTs < tally.startedAt) tally.startedAt = event.eventTs;
    switch (event.eventType) {
      case "material_read": {
        const read = payload as EventPayload<"material_read">;
        tally.durationSeconds += read.time_spent_seconds;
        tally.scrollDepthPercent = Math.max(tally.scrollDepthPercent, read.scroll_depth_percent);
        if (read.scroll_depth_percent >= COMPLETE_AT_SCROLL_PERCENT) tally.isComplete = true;
        break;
      }
      case "material_complete":
        tally.isComplete = true;
        if (tally.endedAt === null || event.eventTs > tally.endedAt) tally.endedAt = event.eventTs;
        break;
      case "material_highlight":
        tally.highlightsCount += 1;
        break;
      case "material_note":
        tally.notesCount += 1;
        break;
      case "material_bookmark":
        tally.bookmarked = true;
        break;
      case "material_open":
        break;
    }
  }
  return [...tallies.values()];
}
