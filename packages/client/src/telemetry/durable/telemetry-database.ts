/** Events waiting to be sent, under auto-increment keys, so key order is the order they were tracked in. */
export const EVENTS_STORE = "events";
/** The most recent events the server refused, for `rejected()` after a reload. */
export const REJECTED_STORE = "rejected";
/** Counters and the flush lease, under the keys below. */
export const META_STORE = "meta";

export const DROPPED_KEY = "dropped";
/** Overflow drops no tab has reported to the server yet (whichever tab flushes next takes them). */
export const UNREPORTED_OVERFLOW_KEY = "overflow-unreported";
export const REJECTED_KEY = "rejected";
export const FLUSH_LEASE_KEY = "flush-lease";

/** Each session's next seq lives in the database, so tabs and reloads continue one numbering. */
export function seqKey(sessionId: string): string {
  return `seq:${sessionId}`;
}

export function hasIndexedDb(): boolean {
  try {
    return typeof indexedDB !== "undefined" && indexedDB !== null;
  } catch {
    // Some sandboxed frames throw on merely reading `indexedDB`.
    return false;
  }
}

export function openTelemetryDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(EVENTS_STORE, { autoIncrement: true });
      db.createObjectStore(REJECTED_STORE, { autoIncrement: true });
      db.createObjectStore(META_STORE);
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer SDK in another tab may need to upgrade the schema; holding on would block it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error(`IndexedDB could not open ${name}`));
  });
}
