import { runTransaction } from "./run-transaction.ts";
import { fromStoredEvent, type ClaimedEvent, type StoredEvent } from "./stored-event.ts";
import { EVENTS_STORE } from "./telemetry-database.ts";

export interface ClaimRequest {
  /** Only keys above this one, so a flush never takes back what it already tried. */
  afterKey: number;
  limit: number;
  now: number;
  /** How long the claim holds if this tab dies before settling the events. */
  leaseMs: number;
}

/**
 * Marks up to `limit` free events, oldest first, as being sent by this tab and returns them.
 * The marking is one readwrite transaction, so no two tabs can claim the same event.
 */
export function claimEvents(db: IDBDatabase, request: ClaimRequest): Promise<ClaimedEvent[]> {
  return runTransaction(db, [EVENTS_STORE], "readwrite", (transaction) => {
    const claimed: ClaimedEvent[] = [];
    const cursorRequest = transaction.objectStore(EVENTS_STORE).openCursor(IDBKeyRange.lowerBound(request.afterKey, true));
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (cursor === null || claimed.length >= request.limit) return;
      const stored = cursor.value as StoredEvent;
      if (stored.claimedUntil <= request.now) {
        claimed.push(fromStoredEvent(cursor.primaryKey as number, stored));
        const marked: StoredEvent = { json: stored.json, claimedUntil: request.now + request.leaseMs };
        cursor.update(marked);
      }
      cursor.continue();
    };
    return claimed;
  });
}
