import type { GameBatchInput } from "@chronicle/contracts";
import { randomUUID } from "node:crypto";
import type { TestServer } from "../../testing/index.ts";

export interface ScriptedEvent {
  type: string;
  data?: Record<string, unknown>;
  /** Reuse an id to send the same event again. */
  id?: string;
  /** The game's own timestamp (seed 003's `timestamp`); 2025-11-13T12:00:00Z when omitted. */
  timestamp?: string;
}

/** A clock that tests move; pass `() => clock.now` to createTestServer so ingest time follows it. */
export function movableClock(start: string) {
  const clock = {
    now: new Date(start),
    set(iso: string) {
      clock.now = new Date(iso);
    },
  };
  return clock;
}

/** Seed 003 events of one session, in the shape a game server sends them. */
export function gameBatch(studentId: string, sessionId: string, events: readonly ScriptedEvent[]): GameBatchInput {
  return {
    batch_id: `batch-${randomUUID()}`,
    client_version: "1.0.0",
    events: events.map((event) => ({
      event_id: event.id ?? randomUUID(),
      student_id: studentId,
      event_type: event.type,
      timestamp: event.timestamp ?? "2025-11-13T12:00:00Z",
      data: event.data ?? {},
      session_id: sessionId,
      mission_id: "mission-alpha",
    })) as GameBatchInput["events"],
  };
}

/** Sends the events as one game-server batch at the clock's time, and checks none was rejected. */
export async function sendGameEvents(
  server: TestServer,
  clock: ReturnType<typeof movableClock>,
  at: string,
  studentId: string,
  sessionId: string,
  events: readonly ScriptedEvent[],
): Promise<void> {
  clock.set(at);
  const response = await server.service(randomUUID()).telemetry.ingestGameBatch(gameBatch(studentId, sessionId, events));
  if (response.rejected > 0) throw new Error(`game events rejected: ${response.rejected_reasons_sample.join("; ")}`);
}
