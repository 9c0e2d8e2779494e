import { studySessions, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { gamificationSessionId } from "../gamification/gamification-session.ts";
import { studySessionEventTypes, tallySessions } from "../study/session-tally.ts";
import type { Projection } from "./projection.ts";

/**
 * study_sessions (seed 002's StudySession), one upsert per batch. The first event of a
 * session creates its row, whatever its type, so events that arrive before session_start
 * still count; started_at is the earliest event_ts seen. Sums add, the start only moves
 * earlier, a session_end closes the row for good (the last one in log order gives
 * ended_at; the durations are the highest any end reported, because session_end carries
 * cumulative figures — learning-stats credits the same highest figure once to the days):
 * every merge commutes, so batching never changes a row.
 * Sessions registered under another family (xp_earned emitted for an exam session, say)
 * are skipped: a session's family never changes once claimed. So is each learner's
 * gamification session, where XP for activities outside any study session is booked: it
 * is a ledger, not a time the learner spent studying.
 */
export const studySessionsProjection: Projection = {
  name: "study-sessions",
  eventTypes: studySessionEventTypes,
  tables: [studySessions],
  async apply(tx: Transaction, events) {
    const tallies = tallySessions(events.filter((event) => event.sessionId !== gamificationSessionId(event.userId)));
    if (tallies.length === 0) return;
    const records = JSON.stringify(
      tallies.map((t) => ({
        id: t.sessionId,
        user_id: t.userId,
        started_at: t.startedAt,
        ended_at: t.end?.endedAt ?? null,
        duration_seconds: t.end?.durationSeconds ?? 0,
        active_seconds: t.end?.activeSeconds ?? 0,
        pause_count: t.pauseCount,
        materials_viewed: t.materialsViewed,
        materials_completed: t.materialsCompleted,
        chunks_read: t.chunksRead,
        questions_attempted: t.questionsAttempted,
        questions_correct: t.questionsCorrect,
        ai_interactions: t.aiInteractions,
        xp_earned: t.xpEarned,
        achievements_unlocked: t.achievementsUnlocked,
      })),
    );
    await tx.execute(sql`
      insert into study_sessions as s (id, user_id, started_at, ended_at, is_active, duration_seconds, active_seconds, pause_count,
                                       materials_viewed, materials_completed, chunks_read, questions_attempted, questions_correct,
                                       ai_interactions, xp_earned, achievements_unlocked)
      select r.id, r.user_id, r.started_at, r.ended_at, r.ended_at is null, r.duration_seconds, r.active_seconds, r.pause_count,
             r.materials_viewed, r.materials_completed, r.chunks_read, r.questions_attempted, r.questions_correct,
             r.ai_interactions, r.xp_earned, r.achievements_unlocked
        from jsonb_to_recordset(${records}::jsonb) as r(
               id uuid, user_id uuid, started_at timestamptz, ended_at timestamptz, duration_seconds int, active_seconds int,
               pause_count int, materials_viewed int, materials_completed int, chunks_read int, questions_attempted int,
               questions_correct int, ai_interactions int, xp_earned int, achievements_unlocked int)
       where not exists (select 1 from sessions o where o.id = r.id and o.family <> 'study')
      on conflict (id) do update set
        started_at = least(s.started_at, excluded.started_at),
        ended_at = coalesce(excluded.ended_at, s.ended_at),
        is_active = s.is_active and excluded.is_active,
        duration_seconds = case when excluded.ended_at is null then s.duration_seconds else greatest(s.duration_seconds, excluded.duration_seconds) end,
        active_seconds = case when excluded.ended_at is null then s.active_seconds else greatest(s.active_seconds, excluded.active_seconds) end,
        pause_count = s.pause_count + excluded.pause_count,
        materials_viewed = s.materials_viewed + excluded.materials_viewed,
        materials_completed = s.materials_completed + excluded.materials_completed,
        chunks_read = s.chunks_read + excluded.chunks_read,
        questions_attempted = s.questions_attempted + excluded.questions_attempted,
        questions_correct = s.questions_correct + excluded.questions_correct,
        ai_interactions = s.ai_interactions + excluded.ai_interactions,
        xp_earned = s.xp_earned + excluded.xp_earned,
        achievements_unlocked = s.achievements_unlocked + excluded.achievements_unlocked`);
  },
};
