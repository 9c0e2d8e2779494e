export interface FlushPolicy {
  /** Call after each event is queued; flushes once the queue holds `maxQueued` events. */
  onQueued(queuedCount: number): void;
  stop(): void;
}

/** Seed 000's flush triggers that need no caller: a full queue and a fixed interval. */
export function createFlushPolicy(options: { maxQueued: number; flushIntervalMs: number; flush: () => void }): FlushPolicy {
  const timer: unknown = setInterval(options.flush, options.flushIntervalMs);
  // In Node (server rendering, scripts) a pending interval would keep the process alive.
  (timer as { unref?: () => void }).unref?.();
  return {
    onQueued(queuedCount) {
      if (queuedCount >= options.maxQueued) options.flush();
    },
    stop() {
      clearInterval(timer as number);
    },
  };
}
