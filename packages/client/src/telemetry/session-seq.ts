import type { TelemetryStorage } from "./telemetry-storage.ts";

const KEY_PREFIX = "chronicle.seq.";

function readStored(storage: TelemetryStorage | undefined, sessionId: string): number | null {
  try {
    const stored = Number(storage?.getItem(KEY_PREFIX + sessionId) ?? Number.NaN);
    return Number.isSafeInteger(stored) && stored >= 0 ? stored : null;
  } catch {
    // Storage may be disabled (private browsing) or full; memory alone still numbers the events.
    return null;
  }
}

/**
 * Hands out 0, 1, 2… per session id so the server can spot gaps and reorderings.
 * With storage the numbering survives a page reload within the same session.
 */
export function createSessionSeq(storage?: TelemetryStorage): (sessionId: string) => number {
  const next = new Map<string, number>();
  return (sessionId) => {
    const seq = next.get(sessionId) ?? readStored(storage, sessionId) ?? 0;
    next.set(sessionId, seq + 1);
    try {
      storage?.setItem(KEY_PREFIX + sessionId, String(seq + 1));
    } catch {
      // Same as above: a failing storage must not stop tracking.
    }
    return seq;
  };
}
