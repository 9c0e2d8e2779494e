import type { RejectedEvent } from "../classify-results.ts";
import type { TelemetryStats } from "../create-telemetry.ts";
import { readCount, runTransaction } from "./run-transaction.ts";
import { DROPPED_KEY, EVENTS_STORE, META_STORE, REJECTED_KEY, REJECTED_STORE } from "./telemetry-database.ts";

export function readStats(db: IDBDatabase): Promise<TelemetryStats> {
  return runTransaction(db, [EVENTS_STORE, META_STORE], "readonly", (transaction) => {
    const stats: TelemetryStats = { queued: 0, dropped: 0, rejected: 0 };
    const meta = transaction.objectStore(META_STORE);
    const queued = transaction.objectStore(EVENTS_STORE).count();
    queued.onsuccess = () => (stats.queued = queued.result);
    const dropped = meta.get(DROPPED_KEY);
    dropped.onsuccess = () => (stats.dropped = readCount(dropped.result));
    const rejected = meta.get(REJECTED_KEY);
    rejected.onsuccess = () => (stats.rejected = readCount(rejected.result));
    return stats;
  });
}

/** The rejected events kept in the store, oldest first. */
export function readRejected(db: IDBDatabase): Promise<RejectedEvent[]> {
  return runTransaction(db, [REJECTED_STORE], "readonly", (transaction) => {
    const kept: RejectedEvent[] = [];
    const request = transaction.objectStore(REJECTED_STORE).getAll();
    request.onsuccess = () => kept.push(...(request.result as RejectedEvent[]));
    return kept;
  });
}
