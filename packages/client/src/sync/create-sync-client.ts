import { MAX_SYNC_BATCH_ITEMS } from "@chronicle/contracts/limits";
import type { ConflictStrategy, SyncBatchOutput, SyncHealth, SyncItem } from "@chronicle/contracts";
import { createUuidV7 } from "../telemetry/uuid-v7.ts";
import { resolveToken, type TokenSource } from "../token-source.ts";
import { HEALTH_WINDOW, syncHealthOf, type SyncRun } from "./sync-health.ts";
import { createMemorySyncStore, type SyncStore } from "./sync-store.ts";

type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export interface SyncClientOptions {
  /** The Chronicle server's origin; batches go to `${url}/trpc/sync.batch`. */
  url: string;
  token: TokenSource;
  /** Where items wait; `createIndexedDbSyncStore()` keeps them across reloads. Default: memory. */
  store?: SyncStore;
  /** The scheduled sync's period (seed 001: 5 minutes). 0 turns the schedule off. */
  intervalMs?: number;
  conflictStrategy?: ConflictStrategy;
  fetch?: FetchFn;
  /** The clock, for tests. */
  now?: () => Date;
  /**
   * A Web Locks name: runs of every client with this name (one per tab on the same IndexedDB
   * store) take turns, so two tabs never send the same queued item at once. Default: no lock.
   */
  lockName?: string;
  /** Calls back when the connection returns; returns the unsubscribe. Default: the browser's `online` event. */
  onReconnect?: (callback: () => void) => () => void;
}

function browserOnline(callback: () => void): () => void {
  if (typeof globalThis.addEventListener !== "function") return () => {};
  globalThis.addEventListener("online", callback);
  return () => globalThis.removeEventListener("online", callback);
}

/** getStatus(): seed 001's sync status, with the pending count read from this client's own queue. */
export interface SyncStatus {
  lastSyncTime: string | null;
  pendingItems: number;
  syncedCount: number;
  totalCount: number;
  syncHealth: SyncHealth;
}

export interface SyncEvents {
  "sync:start": { pendingItems: number };
  "sync:complete": { synced: number; failed: number; conflicts: number; pendingItems: number };
  "sync:error": { error: string; pendingItems: number };
}

export type SyncListener<E extends keyof SyncEvents> = (detail: SyncEvents[E]) => void;

export interface SyncClient {
  /** Queues a progress or assessment item; a higher `priority` is sent first (default: assessments 1, progress 0). */
  enqueue(item: SyncItem, options?: { priority?: number }): Promise<void>;
  /** Syncs now (on demand); resolves when this run is over, never rejects. */
  syncNow(): Promise<void>;
  getStatus(): Promise<SyncStatus>;
  /** Subscribes; returns the unsubscribe function. */
  on<E extends keyof SyncEvents>(event: E, listener: SyncListener<E>): () => void;
  /** Stops the schedule and the reconnect listener. */
  stop(): void;
}

export const DEFAULT_SYNC_INTERVAL_MS = 5 * 60 * 1000;

const defaultPriority = (item: SyncItem) => (item.itemType === "assessment" ? 1 : 0);

/** The answer to one sync.batch call, or why there was none (the items then stay queued). */
async function postBatch(fetchFn: FetchFn, endpoint: string, token: string, body: string): Promise<SyncBatchOutput | string> {
  try {
    const response = await fetchFn(endpoint, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
    const json = (await response.json().catch(() => null)) as { result?: { data?: SyncBatchOutput }; error?: { message?: string } } | null;
    if (response.ok && json?.result?.data) return json.result.data;
    return `HTTP ${response.status}${json?.error?.message ? `: ${json.error.message}` : ""}`;
  } catch (error) {
    return `the request failed (${String(error)})`;
  }
}

/**
 * Seed 001's sync side: progress and assessment items queue durably and go to sync.batch in
 * priority order, on a schedule (default every 5 minutes), when the browser comes back online,
 * and on demand. Items the server answered for (synced, duplicate, conflict, or failed for
 * good) leave the queue; when the server cannot be reached they all stay for the next run.
 */
export function createSyncClient(options: SyncClientOptions): SyncClient {
  const store = options.store ?? createMemorySyncStore();
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? (() => new Date());
  const endpoint = `${options.url.replace(/\/+$/, "")}/trpc/sync.batch`;
  const listeners = new Map<keyof SyncEvents, Set<(detail: never) => void>>();
  const runs: SyncRun[] = [];
  let lastSyncTime: string | null = null;
  let syncedCount = 0;
  let finishedCount = 0;
  let running: Promise<void> | null = null;
  // A UUID, not the time or a queue key: sync.batch refuses ids with six or more digits in a row as personal data.
  const newBatchId = createUuidV7({ now: () => now().getTime() });

  const emit = <E extends keyof SyncEvents>(event: E, detail: SyncEvents[E]) => {
    for (const listener of listeners.get(event) ?? []) {
      try {
        (listener as SyncListener<E>)(detail);
      } catch {
        // A subscriber's failure is its own; the sync goes on.
      }
    }
  };
  const remember = (run: SyncRun) => {
    runs.push(run);
    runs.splice(0, Math.max(0, runs.length - HEALTH_WINDOW));
  };

  const runOnce = async () => {
    const batch = await store.next(MAX_SYNC_BATCH_ITEMS);
    if (batch.length === 0) return;
    emit("sync:start", { pendingItems: await store.count() });
    const body = JSON.stringify({
      batchId: `sync-${newBatchId()}`,
      items: batch.map((entry) => entry.item),
      ...(options.conflictStrategy ? { conflictStrategy: options.conflictStrategy } : {}),
    });
    const answer = await postBatch(fetchFn, endpoint, await resolveToken(options.token), body);
    if (typeof answer === "string") {
      remember({ items: batch.length, failed: batch.length });
      emit("sync:error", { error: answer, pendingItems: await store.count() });
      return;
    }
    const statuses = answer.data.results.map((result) => result.status);
    await store.remove(batch.map((entry) => entry.key));
    const synced = statuses.filter((status) => status !== "failed").length;
    syncedCount += synced;
    finishedCount += batch.length;
    lastSyncTime = now().toISOString();
    remember({ items: batch.length, failed: batch.length - synced });
    emit("sync:complete", { synced, failed: answer.data.failed, conflicts: answer.data.conflicts, pendingItems: await store.count() });
  };

  const exclusively = async (run: () => Promise<void>): Promise<void> => {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (options.lockName && typeof locks?.request === "function") await locks.request(options.lockName, () => run());
    else await run();
  };

  const syncNow = () => {
    // One run at a time: a trigger during a run waits for it and then runs again.
    const previous = running ?? Promise.resolve();
    const next = previous.then(() => exclusively(runOnce)).catch((error: unknown) => emit("sync:error", { error: String(error), pendingItems: 0 }));
    running = next.finally(() => {
      if (running === next) running = null;
    });
    return next;
  };

  const intervalMs = options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS;
  const timer = intervalMs > 0 ? setInterval(() => void syncNow(), intervalMs) : null;
  const stopListening = (options.onReconnect ?? browserOnline)(() => void syncNow());

  return {
    async enqueue(item, enqueueOptions) {
      await store.add({ priority: enqueueOptions?.priority ?? defaultPriority(item), item });
    },
    syncNow,
    async getStatus() {
      const pendingItems = await store.count();
      return { lastSyncTime, pendingItems, syncedCount, totalCount: finishedCount + pendingItems, syncHealth: syncHealthOf(runs) };
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (detail: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (detail: never) => void);
    },
    stop() {
      if (timer) clearInterval(timer);
      stopListening();
    },
  };
}
