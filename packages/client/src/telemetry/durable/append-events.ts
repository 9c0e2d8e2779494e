import type { ClientEvent } from "@chronicle/contracts";
import { toQueuedEvent } from "../queued-event.ts";
import { addToCounter, readCount, runTransaction } from "./run-transaction.ts";
import type { StoredEvent } from "./stored-event.ts";
import { DROPPED_KEY, EVENTS_STORE, META_STORE, seqKey, UNREPORTED_OVERFLOW_KEY } from "./telemetry-database.ts";

/** A tracked event that has everything but its seq, which only the database can hand out. */
export interface UnnumberedEvent {
  readonly sessionId: string;
  readonly event: ClientEvent;
}

export interface AppendResult {
  /** Events in the store afterwards, from every tab. */
  queued: number;
  /** The oldest events, removed to keep the store within its bound. */
  dropped: ClientEvent[];
}

/**
 * Numbers the events from each session's counter and stores them, in one readwrite
 * transaction: IndexedDB runs overlapping readwrite transactions one after another, so two
 * tabs tracking for one session never hand out the same seq. Past `maxEvents` the oldest
 * unclaimed events make room, and the persisted dropped and unreported-overflow counters grow by their number.
 */
export function appendEvents(db: IDBDatabase, events: readonly UnnumberedEvent[], maxEvents: number, now: number): Promise<AppendResult> {
  return runTransaction(db, [EVENTS_STORE, META_STORE], "readwrite", (transaction) => {
    const result: AppendResult = { queued: 0, dropped: [] };
    const store = transaction.objectStore(EVENTS_STORE);
    const meta = transaction.objectStore(META_STORE);
    const nextSeq = new Map<string, number>();
    const sessionIds = [...new Set(events.map((unnumbered) => unnumbered.sessionId))];

    const dropOldest = (excess: number) => {
      const cursorRequest = store.openCursor();
      cursorRequest.onsuccess = () => {
        const cursor = cursorRequest.result;
        if (cursor === null || result.dropped.length >= excess) {
          result.queued -= result.dropped.length;
          addToCounter(meta, DROPPED_KEY, result.dropped.length);
          addToCounter(meta, UNREPORTED_OVERFLOW_KEY, result.dropped.length);
          return;
        }
        const stored = cursor.value as StoredEvent;
        // An event being sent right now may still arrive; dropping it would count it wrongly.
        if (stored.claimedUntil <= now) {
          result.dropped.push(JSON.parse(stored.json) as ClientEvent);
          cursor.delete();
        }
        cursor.continue();
      };
    };

    const storeNumbered = () => {
      for (const { sessionId, event } of events) {
        const seq = nextSeq.get(sessionId) ?? 0;
        nextSeq.set(sessionId, seq + 1);
        const stored: StoredEvent = { json: toQueuedEvent({ ...event, seq }).json, claimedUntil: 0 };
        store.add(stored);
      }
      for (const [sessionId, seq] of nextSeq) meta.put(seq, seqKey(sessionId));
      const countRequest = store.count();
      countRequest.onsuccess = () => {
        result.queued = countRequest.result;
        if (countRequest.result > maxEvents) dropOldest(countRequest.result - maxEvents);
      };
    };

    let unread = sessionIds.length;
    for (const sessionId of sessionIds) {
      const request = meta.get(seqKey(sessionId));
      request.onsuccess = () => {
        nextSeq.set(sessionId, readCount(request.result));
        unread -= 1;
        if (unread === 0) storeNumbered();
      };
    }
    if (unread === 0) storeNumbered();
    return result;
  });
}
