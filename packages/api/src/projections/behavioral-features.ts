import { behavioralFeatures, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { BEHAVIORAL_FORMULA_VERSION, extractBehavioralFeatures } from "../game/extract-behavioral-features.ts";
import { readEventsBeforeClose } from "../game/read-events-before-close.ts";
import type { LoggedEvent, Projection } from "./projection.ts";

/**
 * Seed 003's behavioral_features, computed on session_closed from the session's game events
 * strictly before that close in the log. Only a session's first close counts: a later one
 * (a re-close after the raw events and their close were purged) leaves the row alone.
 */
export const behavioralFeaturesProjection: Projection = {
  name: "behavioral-features",
  eventTypes: ["session_closed"],
  tables: [behavioralFeatures],
  async apply(tx: Transaction, events: readonly LoggedEvent[]) {
    const firstCloses = new Map<string, LoggedEvent>();
    for (const event of events) if (!firstCloses.has(event.sessionId)) firstCloses.set(event.sessionId, event);
    const closes = [...firstCloses.values()];
    const before = await readEventsBeforeClose(
      tx,
      closes.map((close) => ({ sessionId: close.sessionId, txId: close.txId, ingestSeq: close.ingestSeq })),
    );
    const rows = closes.map((close) => {
      const { features, inputs } = extractBehavioralFeatures(before.get(close.sessionId)!);
      return {
        session_id: close.sessionId,
        student_id: close.userId,
        ...features,
        features_json: { formula_version: BEHAVIORAL_FORMULA_VERSION, features, inputs },
        created_at: close.eventTs,
      };
    });
    await tx.execute(sql`
      insert into behavioral_features (session_id, student_id, task_completion_rate, time_efficiency, retry_count,
                                       recovery_rate, distraction_resistance, focus_duration,
                                       collaboration_indicators, leadership_indicators, features_json, created_at)
      select session_id, student_id, task_completion_rate, time_efficiency, retry_count, recovery_rate,
             distraction_resistance, focus_duration, collaboration_indicators, leadership_indicators, features_json, created_at
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
               session_id uuid, student_id uuid, task_completion_rate real, time_efficiency real, retry_count int,
               recovery_rate real, distraction_resistance real, focus_duration real,
               collaboration_indicators int, leadership_indicators int, features_json jsonb, created_at timestamptz)
      on conflict (session_id) do nothing`);
  },
};
