import { eventCatalog, type EventPayloadInput, type EventType } from "@chronicle/contracts";
import { validPayloads } from "@chronicle/contracts/testing";
import { randomUUID } from "node:crypto";

export interface RawClientEvent {
  id: string;
  event_type: string;
  event_version?: number;
  session_id: string;
  question_id?: string | null;
  client_ts?: string;
  seq?: number;
  payload: Record<string, unknown>;
}

/** A valid event of `type` for `sessionId`, with the catalog's newest version and a fixture payload. */
export function clientEvent<T extends EventType>(
  type: T,
  sessionId: string,
  overrides: Partial<RawClientEvent> & { payload?: EventPayloadInput<T> | Record<string, unknown> } = {},
): RawClientEvent {
  return {
    id: randomUUID(),
    event_type: type,
    event_version: eventCatalog[type].version,
    session_id: sessionId,
    client_ts: new Date().toISOString(),
    ...overrides,
    payload: (overrides.payload ?? validPayloads[type]) as Record<string, unknown>,
  };
}
