import { randomUUID } from "node:crypto";
import type { NewEvent } from "../log/append-events.ts";

/** A PAUSE_BLUR exam event for the log's own suites, new ids each time; what a test cares about goes in `overrides`. */
export function makeLogEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    event_version: 1,
    event_type: "PAUSE_BLUR",
    family: "exam",
    event_ts: new Date().toISOString(),
    client_ts: null,
    seq: 1,
    session_id: randomUUID(),
    user_id: randomUUID(),
    question_id: null,
    source: "web",
    payload_json: { state: "blur" },
    content_hash: "hash-a",
    batch_id: null,
    ...overrides,
  };
}
