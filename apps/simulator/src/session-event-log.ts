import { eventCatalog, type ClientEvent, type EventPayloadInput, type EventType } from "@chronicle/contracts";
import { randomUUID } from "node:crypto";
import { deviceTime } from "./device-clock.ts";

/** A client event as it is sent, with the true time it was recorded at (client_ts is the device's reading of it). */
export interface TimedClientEvent {
  event: ClientEvent;
  atMs: number;
}

/**
 * Records one session's client events the way the SDK does: contiguous seq from 0 and a
 * client clock that moves forward, `clockSkewMs` off true time (the device's error). Ids are
 * fresh on every run so that runs add up; the seeded generator decides only the shape of the traffic.
 */
export function createSessionEventLog(sessionId: string, startMs: number, clockSkewMs = 0) {
  let seq = 0;
  let clockMs = startMs;
  const events: TimedClientEvent[] = [];
  return {
    sessionId,
    events,
    get nowMs() {
      return clockMs;
    },
    wait(seconds: number) {
      clockMs += Math.round(seconds * 1000);
    },
    add<T extends EventType>(type: T, payload: EventPayloadInput<T>, questionId?: string): ClientEvent {
      // The generic payload cannot be matched to its member of the ClientEvent union by the compiler.
      const event = {
        id: randomUUID(),
        event_type: type,
        event_version: eventCatalog[type].version,
        client_ts: deviceTime(clockMs, clockSkewMs),
        seq: seq++,
        session_id: sessionId,
        ...(questionId ? { question_id: questionId } : {}),
        payload,
      } as ClientEvent;
      events.push({ event, atMs: clockMs });
      return event;
    },
  };
}
export type SessionEventLog = ReturnType<typeof createSessionEventLog>;
