import type { EventPayloadInput, EventType } from "@chronicle/contracts";
import { useContext, useMemo } from "react";
import type { TrackOptions } from "../telemetry/build-event.ts";
import { TelemetryContext } from "./telemetry-context.ts";

export interface SessionTelemetry {
  track<T extends EventType>(type: T, payload: EventPayloadInput<T>, options?: TrackOptions): void;
  /** Await before navigating away on purpose (e.g. submit), so queued events are sent first. */
  flush(): Promise<void>;
}

/** Telemetry bound to one session; `track` and `flush` keep their identity while the session does. */
export function useTelemetry(sessionId: string): SessionTelemetry {
  const telemetry = useContext(TelemetryContext);
  return useMemo<SessionTelemetry>(() => {
    if (telemetry === null) {
      // Telemetry must never break the UI, so a missing provider costs events, not the page.
      return {
        track(type) {
          console.warn(`Chronicle telemetry dropped a ${type} event because useTelemetry has no TelemetryProvider above it.`);
        },
        flush: async () => {},
      };
    }
    return {
      track: (type, payload, options) => telemetry.track(sessionId, type, payload, options),
      flush: () => telemetry.flush(),
    };
  }, [telemetry, sessionId]);
}
