import type { SeededRandom } from "@chronicle/api/testing/seeded-random.ts";
import { randomUUID } from "node:crypto";

export type BadEventKind = "unknown_type" | "invalid_payload" | "foreign_session" | "oversize_payload";
export const badEventKinds: readonly BadEventKind[] = ["unknown_type", "invalid_payload", "foreign_session", "oversize_payload"];

/**
 * An event a buggy or hostile producer might send, as raw wire JSON: an event type from a
 * newer app version, a payload of the wrong shape, somebody else's (or a made-up) session,
 * a payload over 4 KB. The server must reject each on its own and quarantine it.
 * `foreignSessionId` is another learner's exam session when one is known.
 */
export function makeBadEvent(random: SeededRandom, kind: BadEventKind, ownSessionId: string, atMs: number, foreignSessionId?: string): Record<string, unknown> {
  const base = { id: randomUUID(), client_ts: new Date(atMs).toISOString(), session_id: ownSessionId };
  switch (kind) {
    case "unknown_type":
      return { ...base, event_type: random.pick(["LESSON_TELEPORTED", "video_rewound", "flashcard_flipped"]), payload: { position: 3 } };
    case "invalid_payload":
      return random.chance(0.5)
        ? { ...base, event_type: "session_start", payload: { device_type: "smart-fridge", timezone: "Europe/Madrid" } }
        : { ...base, event_type: "search_performed", payload: { query: "derivatives", result_count: -4, search_type: "fuzzy" } };
    case "foreign_session":
      return { ...base, event_type: "PAUSE_BLUR", session_id: foreignSessionId ?? randomUUID(), payload: { state: "blur" } };
    case "oversize_payload":
      return {
        ...base,
        event_type: "material_open",
        payload: { material_id: randomUUID(), material_type: "pdf", material_name: `scan-${"x".repeat(4200)}.pdf` },
      };
  }
}

/** A game event whose data breaks its schema (seed 003 producers drift too). */
export function makeBadGameEvent(random: SeededRandom, studentId: string, sessionId: string, atMs: number): Record<string, unknown> {
  return {
    event_id: randomUUID(),
    student_id: studentId,
    session_id: sessionId,
    event_type: random.chance(0.5) ? "choice_made" : "task_complete",
    timestamp: new Date(atMs).toISOString(),
    data: random.chance(0.5) ? { choice: "" } : { task_id: "task-9", duration_seconds: -12 },
    mission_id: "mission-alpha",
  };
}
