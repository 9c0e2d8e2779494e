import type { SyncStore, StoredSyncItem } from "./sync-store.ts";
import { byPriority } from "./sync-store.ts";

const STORE = "items";

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function open(dbName: string): Promise<IDBDatabase> {
  const request = indexedDB.open(dbName, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "key", autoIncrement: true });
  return done(request);
}

/**
 * The sync queue in IndexedDB, so progress and assessment items survive reloads and offline
 * periods. Items are few (a learner's pending progress), so `next` reads them all and sorts.
 */
export function createIndexedDbSyncStore(dbName = "chronicle-sync"): SyncStore {
  const database = open(dbName);
  // A refused open fails each call that awaits it; left unawaited it must not surface as an unhandled rejection.
  database.catch(() => {});
  const store = async (mode: IDBTransactionMode) => (await database).transaction(STORE, mode).objectStore(STORE);
  return {
    async add(entry) {
      await done((await store("readwrite")).add(entry));
    },
    async next(limit) {
      const all = (await done((await store("readonly")).getAll())) as StoredSyncItem[];
      return all.sort(byPriority).slice(0, limit);
    },
    async remove(keys) {
      const items = await store("readwrite");
      await Promise.all(keys.map((key) => done(items.delete(key))));
    },
    async count() {
      return done((await store("readonly")).count());
    },
  };
}
