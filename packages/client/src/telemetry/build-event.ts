import type { ClientEvent, EventPayloadInput, EventType } from "@chronicle/contracts";
import { latestVersionOf } from "./latest-versions.ts";

export interface TrackOptions {
  /** The question the event is about; the catalog says which event types need one. */
  questionId?: string;
}

export interface EventStamps {
  id: string;
  seq: number;
  clientTs: string;
}

/**
 * The envelope of a tracked event. Only what TypeScript cannot promise to plain-JavaScript
 * callers is checked here; the server validates the rest and reports it in `rejected()`.
 */
export function buildEvent<T extends EventType>(
  sessionId: string,
  type: T,
  payload: EventPayloadInput<T>,
  options: TrackOptions | undefined,
  stamp: () => EventStamps,
): ClientEvent {
  if (typeof sessionId !== "string" || sessionId === "") throw new TypeError("the session id is empty");
  if (typeof type !== "string" || (type as string) === "") throw new TypeError("the event type is empty");
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new TypeError("the payload is not an object");
  }
  const questionId = options?.questionId;
  if (questionId !== undefined && typeof questionId !== "string") throw new TypeError("the question id is not a string");

  // Stamped only after the checks, so that a dropped call leaves no gap in the session's seq.
  const stamps = stamp();
  const event = {
    id: stamps.id,
    event_type: type,
    event_version: latestVersionOf(type),
    client_ts: stamps.clientTs,
    seq: stamps.seq,
    session_id: sessionId,
    ...(questionId === undefined ? {} : { question_id: questionId }),
    payload,
  };
  // TypeScript cannot see that one member of the ClientEvent union, picked by T, is built here.
  return event as ClientEvent;
}
