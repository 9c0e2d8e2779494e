import type { SyncItem } from "@chronicle/contracts";

/** An item waiting in the queue: `key` orders enqueues, `priority` orders sending (higher first). */
export interface StoredSyncItem {
  key: number;
  priority: number;
  item: SyncItem;
}

/** Where the sync client keeps items until the server has answered for them. */
export interface SyncStore {
  add(entry: { priority: number; item: SyncItem }): Promise<void>;
  /** Up to `limit` items, highest priority first, then in the order they were queued. */
  next(limit: number): Promise<StoredSyncItem[]>;
  remove(keys: readonly number[]): Promise<void>;
  count(): Promise<number>;
}

export const byPriority = (a: StoredSyncItem, b: StoredSyncItem) => b.priority - a.priority || a.key - b.key;

/** A queue in memory: for tests, and where IndexedDB is missing. */
export function createMemorySyncStore(): SyncStore {
  const items = new Map<number, StoredSyncItem>();
  let nextKey = 1;
  return {
    async add(entry) {
      const key = nextKey++;
      items.set(key, { key, ...entry });
    },
    async next(limit) {
      return [...items.values()].sort(byPriority).slice(0, limit);
    },
    async remove(keys) {
      for (const key of keys) items.delete(key);
    },
    async count() {
      return items.size;
    },
  };
}
