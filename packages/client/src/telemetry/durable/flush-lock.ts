import { withLeaseLock } from "./lease-lock.ts";

const LOCK_NAME = "chronicle-telemetry-flush";

/**
 * Runs `task` while this tab is the only one flushing the shared store. Timer and threshold
 * flushes pass `shouldWait: false` and skip their turn when another tab is flushing (it will
 * send their events too); an explicit `flush()` waits, because its caller is promised that
 * what it tracked has been attempted. Claims in the store keep an event from being sent
 * twice even without the lock; the lock keeps tabs from competing for every event.
 */
export async function withFlushLock(db: IDBDatabase, owner: string, shouldWait: boolean, task: () => Promise<void>): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (typeof locks?.request !== "function") return withLeaseLock(db, owner, shouldWait, task);
  await locks.request(LOCK_NAME, { ifAvailable: !shouldWait }, async (lock) => {
    if (lock !== null) await task();
  });
}
