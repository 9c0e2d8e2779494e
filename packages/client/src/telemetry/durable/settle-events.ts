import type { RejectedEvent } from "../classify-results.ts";
import { addToCounter, runTransaction } from "./run-transaction.ts";
import type { StoredEvent } from "./stored-event.ts";
import { DROPPED_KEY, EVENTS_STORE, META_STORE, REJECTED_KEY, REJECTED_STORE } from "./telemetry-database.ts";

/** What became of claimed events, by key. */
export interface Settlement {
  /** The server has them (accepted or duplicate): done. */
  acknowledged?: readonly number[];
  /** The server refused them: moved to the rejected store. */
  rejected?: readonly { key: number; rejected: RejectedEvent }[];
  /** Given up on (a request the server will never take): removed and counted as dropped. */
  dropped?: readonly number[];
  /** Not sent or not answered: free for the next flush. */
  released?: readonly number[];
}

/** Past this many the oldest rejected events are forgotten; the rejected counter keeps counting. */
export const MAX_REJECTED_KEPT = 100;

function trimRejected(store: IDBObjectStore): void {
  const countRequest = store.count();
  countRequest.onsuccess = () => {
    let excess = countRequest.result - MAX_REJECTED_KEPT;
    if (excess <= 0) return;
    const cursorRequest = store.openCursor();
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (cursor === null || excess <= 0) return;
      cursor.delete();
      excess -= 1;
      cursor.continue();
    };
  };
}

function release(store: IDBObjectStore, key: number): void {
  const request = store.get(key);
  request.onsuccess = () => {
    const stored = request.result as StoredEvent | undefined;
    // The bound may have dropped it meanwhile; then there is nothing to free.
    if (stored !== undefined) store.put({ json: stored.json, claimedUntil: 0 } satisfies StoredEvent, key);
  };
}

/** Applies a settlement in one transaction, so a crash halfway cannot lose or duplicate an event. */
export function settleEvents(db: IDBDatabase, settlement: Settlement): Promise<void> {
  return runTransaction(db, [EVENTS_STORE, REJECTED_STORE, META_STORE], "readwrite", (transaction) => {
    const events = transaction.objectStore(EVENTS_STORE);
    const rejectedStore = transaction.objectStore(REJECTED_STORE);
    const meta = transaction.objectStore(META_STORE);
    const rejected = settlement.rejected ?? [];
    const dropped = settlement.dropped ?? [];

    for (const key of settlement.acknowledged ?? []) events.delete(key);
    for (const key of dropped) events.delete(key);
    for (const entry of rejected) {
      events.delete(entry.key);
      rejectedStore.add(entry.rejected);
    }
    for (const key of settlement.released ?? []) release(events, key);
    if (rejected.length > 0) trimRejected(rejectedStore);
    addToCounter(meta, REJECTED_KEY, rejected.length);
    addToCounter(meta, DROPPED_KEY, dropped.length);
  });
}
