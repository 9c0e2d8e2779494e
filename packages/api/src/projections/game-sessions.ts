import { gameEvents, type EventType } from "@chronicle/contracts";
import { gameSessions, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { gameTimeLine } from "../game/game-time-line.ts";
import { readEventsBeforeClose } from "../game/read-events-before-close.ts";
import type { LoggedEvent, Projection } from "./projection.ts";

const gameEventTypes = Object.keys(gameEvents) as EventType[];

interface SessionDelta {
  id: string;
  student_id: string;
  started_at: string;
  ended_at: string | null;
  mission_id: string | null;
  game_version: string | null;
  events_count: number;
}

/** Folds one batch of the log into one row per session; the first value in log order wins for mission and version. */
function foldBatch(events: readonly LoggedEvent[]): SessionDelta[] {
  const sessions = new Map<string, SessionDelta>();
  for (const event of events) {
    const payload = event.payload;
    const delta = sessions.get(event.sessionId) ?? {
      id: event.sessionId,
      student_id: event.userId,
      started_at: event.eventTs,
      ended_at: null,
      mission_id: null,
      game_version: null,
      events_count: 0,
    };
    if (Date.parse(event.eventTs) < Date.parse(delta.started_at)) delta.started_at = event.eventTs;
    if (event.eventType === "session_closed") {
      delta.ended_at ??= event.eventTs;
    } else {
      // The close marker is Chronicle's, not the game's: it is not one of the session's events.
      delta.events_count += 1;
      delta.mission_id ??= typeof payload.mission_id === "string" ? payload.mission_id : null;
    }
    delta.game_version ??= typeof payload.game_version === "string" ? payload.game_version : null;
    sessions.set(event.sessionId, delta);
  }
  return [...sessions.values()];
}

/**
 * The start of each closed session's game time line (gameTimeLine over its events before the
 * close, the line behavioural features use), one query for the batch's closes. Every point
 * of the line is at or before its event's receipt, so `least` with the receipts the row
 * already holds gives the line's start, whatever batches the log was cut into.
 */
async function lineStarts(tx: Transaction, events: readonly LoggedEvent[]): Promise<Map<string, string>> {
  const closes = new Map<string, LoggedEvent>();
  for (const event of events) if (event.eventType === "session_closed" && !closes.has(event.sessionId)) closes.set(event.sessionId, event);
  const before = await readEventsBeforeClose(tx, [...closes.values()].map((c) => ({ sessionId: c.sessionId, txId: c.txId, ingestSeq: c.ingestSeq })));
  const starts = new Map<string, string>();
  for (const [sessionId, sessionEvents] of before) {
    if (sessionEvents.length > 0) starts.set(sessionId, new Date(Math.min(...gameTimeLine(sessionEvents))).toISOString());
  }
  return starts;
}

/**
 * Seed 003's game_sessions from the log: id = session_id, student_id = user_id, started_at =
 * the earliest receipt (event_ts) until the session closes, then the start of the game's own
 * time line (docs/behavioural-features.md), ended_at = the first close. Every event reaches apply exactly once (the
 * log keeps one row per id, the checkpoint moves with apply), so counts are plain sums, and
 * least/coalesce make the upsert indifferent to the order events arrive in.
 */
export const gameSessionsProjection: Projection = {
  name: "game-sessions",
  eventTypes: gameEventTypes,
  tables: [gameSessions],
  async apply(tx: Transaction, events: readonly LoggedEvent[]) {
    const deltas = foldBatch(events);
    if (deltas.length === 0) return;
    const starts = await lineStarts(tx, events);
    for (const delta of deltas) {
      const lineStart = starts.get(delta.id);
      if (lineStart !== undefined && Date.parse(lineStart) < Date.parse(delta.started_at)) delta.started_at = lineStart;
    }
    await tx.execute(sql`
      insert into game_sessions (id, student_id, started_at, ended_at, mission_id, game_version, events_count)
      select id, student_id, started_at, ended_at, mission_id, coalesce(game_version, 'unknown'), events_count
        from jsonb_to_recordset(${JSON.stringify(deltas)}::jsonb) as d(
               id uuid, student_id uuid, started_at timestamptz, ended_at timestamptz,
               mission_id text, game_version text, events_count int)
      on conflict (id) do update set
        started_at = least(game_sessions.started_at, excluded.started_at),
        ended_at = coalesce(game_sessions.ended_at, excluded.ended_at),
        mission_id = coalesce(game_sessions.mission_id, excluded.mission_id),
        events_count = game_sessions.events_count + excluded.events_count`);
  },
};
