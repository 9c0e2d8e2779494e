import { materialInteractions, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { materialEventTypes, tallyMaterials } from "../study/material-tally.ts";
import type { Projection } from "./projection.ts";

/**
 * material_interactions, one row per (session, material), one upsert per batch. Sums add,
 * scroll depth and ended_at take the maximum, started_at the minimum, completion and
 * bookmark only switch on, topic_id keeps the first one named: all commutative, so a
 * read before its open, or any cut of the log into batches, gives the same row.
 */
export const materialInteractionsProjection: Projection = {
  name: "material-interactions",
  eventTypes: materialEventTypes,
  tables: [materialInteractions],
  async apply(tx: Transaction, events) {
    const tallies = tallyMaterials(events);
    if (tallies.length === 0) return;
    const records = JSON.stringify(
      tallies.map((t) => ({
        session_id: t.sessionId,
        material_id: t.materialId,
        user_id: t.userId,
        topic_id: t.topicId,
        started_at: t.startedAt,
        ended_at: t.endedAt,
        duration_seconds: t.durationSeconds,
        scroll_depth_percent: t.scrollDepthPercent,
        is_complete: t.isComplete,
        highlights_count: t.highlightsCount,
        notes_count: t.notesCount,
        bookmarked: t.bookmarked,
      })),
    );
    await tx.execute(sql`
      insert into material_interactions as m (session_id, material_id, user_id, topic_id, started_at, ended_at, duration_seconds,
                                              scroll_depth_percent, is_complete, highlights_count, notes_count, bookmarked)
      select session_id, material_id, user_id, topic_id, started_at, ended_at, duration_seconds,
             scroll_depth_percent, is_complete, highlights_count, notes_count, bookmarked
        from jsonb_to_recordset(${records}::jsonb) as r(
               session_id uuid, material_id uuid, user_id uuid, topic_id uuid, started_at timestamptz, ended_at timestamptz,
               duration_seconds int, scroll_depth_percent int, is_complete boolean, highlights_count int, notes_count int, bookmarked boolean)
      on conflict (session_id, material_id) do update set
        topic_id = coalesce(m.topic_id, excluded.topic_id),
        started_at = least(m.started_at, excluded.started_at),
        ended_at = greatest(m.ended_at, excluded.ended_at),
        duration_seconds = m.duration_seconds + excluded.duration_seconds,
        scroll_depth_percent = greatest(m.scroll_depth_percent, excluded.scroll_depth_percent),
        is_complete = m.is_complete or excluded.is_complete,
        highlights_count = m.highlights_count + excluded.highlights_count,
        notes_count = m.notes_count + excluded.notes_count,
        bookmarked = m.bookmarked or excluded.bookmarked`);
  },
};
