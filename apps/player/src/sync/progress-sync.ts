import { createIndexedDbSyncStore, createMemorySyncStore, createSyncClient, DEFAULT_SYNC_INTERVAL_MS, type SyncClient, type SyncStatus } from "@chronicle/client/sync";
import { tokenStore } from "../auth/token-store.ts";
import { learnerSubject } from "./learner-subject.ts";
import type { QueuedItem } from "./progress-items.ts";
import { markQueuedOnce } from "./queued-sessions.ts";

/** Seed 001's SYNC_INTERVAL_MINUTES, fixed when the player is built; 5 minutes unless set. */
const configuredMinutes = Number(import.meta.env.VITE_CHRONICLE_SYNC_INTERVAL_MINUTES);
export const SYNC_INTERVAL_MS = configuredMinutes > 0 ? configuredMinutes * 60_000 : DEFAULT_SYNC_INTERVAL_MS;

/** What the status line shows: the client's own status, whether a run is under way and why the last one failed. */
export interface ProgressSyncView {
  status: SyncStatus | null;
  isSyncing: boolean;
  lastError: string | null;
}

const EMPTY: ProgressSyncView = { status: null, isSyncing: false, lastError: null };

interface LearnerSync {
  subject: string;
  client: SyncClient;
  stop(): void;
}

let current: LearnerSync | null = null;
let view = EMPTY;
const listeners = new Set<() => void>();

function show(next: Partial<ProgressSyncView>) {
  view = { ...view, ...next };
  for (const listener of listeners) listener();
}

async function refresh(learner: LearnerSync) {
  try {
    const status = await learner.client.getStatus();
    if (current === learner) show({ status });
  } catch {
    // The queue could not be read (storage refused); the line keeps what it showed.
  }
}

/** One queue per learner, in IndexedDB so it survives reloads; memory where the browser has none. */
function startFor(subject: string): LearnerSync {
  const client = createSyncClient({
    url: window.location.origin,
    token: () => tokenStore.read() ?? "",
    store: typeof indexedDB === "undefined" ? createMemorySyncStore() : createIndexedDbSyncStore(`chronicle-sync:${subject}`),
    // Two tabs of one learner share the queue; the lock keeps them from sending it twice.
    lockName: `chronicle-sync:${subject}`,
    intervalMs: SYNC_INTERVAL_MS,
  });
  const learner: LearnerSync = {
    subject,
    client,
    stop: () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
      client.stop();
    },
  };
  const unsubscribes = [
    client.on("sync:start", () => show({ isSyncing: true })),
    client.on("sync:complete", () => {
      show({ isSyncing: false, lastError: null });
      void refresh(learner);
    }),
    client.on("sync:error", ({ error }) => {
      show({ isSyncing: false, lastError: error });
      void refresh(learner);
    }),
  ];
  return learner;
}

/** The signed-in learner's sync, started on first use and swapped when another learner signs in. */
function currentLearner(): LearnerSync | null {
  const subject = learnerSubject(tokenStore.read());
  if (current?.subject === subject) return current;
  current?.stop();
  current = subject ? startFor(subject) : null;
  view = EMPTY;
  if (current) {
    void refresh(current);
    // What an earlier visit left waiting goes as soon as the player opens.
    void current.client.syncNow();
  }
  for (const listener of listeners) listener();
  return current;
}

tokenStore.subscribe(() => void currentLearner());

export const progressSync = {
  /** Starts the learner's schedule and reconnect listener (idempotent). */
  start(): void {
    currentLearner();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  view(): ProgressSyncView {
    return view;
  },
  /**
   * Queues a finished test's items (once per test), then syncs on demand. Never throws: a queue or
   * network failure leaves the learner's results as they are and the line says what waits.
   */
  async queueFinishedTest(sessionId: string, items: readonly QueuedItem[]): Promise<void> {
    const learner = currentLearner();
    if (!learner) return;
    if (markQueuedOnce(learner.subject, sessionId)) {
      try {
        for (const { item, priority } of items) await learner.client.enqueue(item, { priority });
      } catch (error) {
        show({ lastError: `this device could not keep your progress (${String(error)})` });
      }
      await refresh(learner);
    }
    await learner.client.syncNow();
  },
  /** Syncs now, at the learner's request. */
  syncNow(): Promise<void> {
    return currentLearner()?.client.syncNow() ?? Promise.resolve();
  },
};
