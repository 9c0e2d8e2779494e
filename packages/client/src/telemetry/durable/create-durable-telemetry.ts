import type { ClientEvent, EventType } from "@chronicle/contracts";
import { buildEvent, type TrackOptions } from "../build-event.ts";
import type { RejectedEvent } from "../classify-results.ts";
import type { Telemetry, TelemetryOptions, TelemetryStats } from "../create-telemetry.ts";
import { createFlushPolicy } from "../flush-policy.ts";
import { createIngestTarget } from "../ingest-target.ts";
import { listenForPageHide } from "../listen-for-page-hide.ts";
import { oneAtATime } from "../one-at-a-time.ts";
import { describeError, reportDropped, reportRejected } from "../report-lost-events.ts";
import { createUuidV7 } from "../uuid-v7.ts";
import { appendEvents, type UnnumberedEvent } from "./append-events.ts";
import { withFlushLock } from "./flush-lock.ts";
import { isOffline, listenForOnline } from "./online-status.ts";
import { readRejected, readStats } from "./read-stats.ts";
import { createStoredEventsSender } from "./send-stored-events.ts";
import { MAX_REJECTED_KEPT } from "./settle-events.ts";
import { hasIndexedDb, openTelemetryDatabase } from "./telemetry-database.ts";

export interface DurableQueueOptions {
  /** The IndexedDB database of the queue; tabs of one origin using the same name share one queue. */
  dbName?: string;
  /** Past this many stored events the oldest are dropped and counted in `stats().dropped`. */
  maxEvents?: number;
}

export type CreateInMemoryTelemetry = (options: TelemetryOptions) => Telemetry;

const DEFAULT_DB_NAME = "chronicle-telemetry";
const DEFAULT_MAX_EVENTS = 5000;

function warnFallback(reason: string): void {
  console.warn(`Chronicle telemetry keeps events in memory only, because ${reason}; they will not survive a reload.`);
}

/** Hands an event built for the store to the in-memory queue, which numbers and stamps it afresh. */
function replay(telemetry: Telemetry, { sessionId, event }: UnnumberedEvent): void {
  const track = telemetry.track as (sessionId: string, type: EventType, payload: object, options?: TrackOptions) => void;
  track(sessionId, event.event_type, event.payload, event.question_id == null ? undefined : { questionId: event.question_id });
}

/**
 * The telemetry client of `createTelemetry({ durable })`: every tracked event is stored in
 * IndexedDB before it is sent and removed only once the server has answered for it, so events
 * outlive reloads, offline periods and closed tabs. Tabs share the store and take turns
 * flushing it. Without IndexedDB it is `createInMemory(options)` after one warning.
 */
export function createDurableTelemetry(options: TelemetryOptions, durable: DurableQueueOptions, createInMemory: CreateInMemoryTelemetry): Telemetry {
  if (!hasIndexedDb()) {
    warnFallback("IndexedDB is not available here");
    return createInMemory(options);
  }
  const maxEvents = Math.max(1, durable.maxEvents ?? DEFAULT_MAX_EVENTS);
  const target = createIngestTarget(options);
  const nextId = createUuidV7();
  const owner = nextId();
  const rejectedEvents: RejectedEvent[] = [];
  let inMemory: Telemetry | null = null;
  let unwritten: UnnumberedEvent[] = [];
  let isWriteScheduled = false;
  let writing = Promise.resolve();
  let storedCount = 0;
  let isStopped = false;

  const keepRejected = (rejected: readonly RejectedEvent[]) => {
    rejectedEvents.push(...rejected);
    rejectedEvents.splice(0, Math.max(0, rejectedEvents.length - MAX_REJECTED_KEPT));
  };

  const opened: Promise<IDBDatabase | null> = openTelemetryDatabase(durable.dbName ?? DEFAULT_DB_NAME).then(
    async (db) => {
      const [stats, rejected] = await Promise.all([readStats(db), readRejected(db)]);
      storedCount = stats.queued;
      rejectedEvents.unshift(...rejected);
      return db;
    },
    (error: unknown) => {
      warnFallback(`IndexedDB could not be opened (${describeError(error)})`);
      // From now on the in-memory client's own timer and listeners do the flushing.
      stopTriggers();
      inMemory = createInMemory(options);
      if (isStopped) inMemory.stop();
      return null;
    },
  );

  const writeUnwritten = async () => {
    isWriteScheduled = false;
    const db = await opened;
    const batch = unwritten;
    unwritten = [];
    if (db === null) {
      for (const event of batch) replay(inMemory as Telemetry, event);
      return;
    }
    try {
      const result = await appendEvents(db, batch, maxEvents, Date.now());
      storedCount = result.queued;
      reportDropped(result.dropped, `more than ${maxEvents} were waiting to be sent`, options.onDrop);
      policy.onQueued(storedCount);
    } catch (error) {
      reportDropped(batch.map(({ event }) => event), `IndexedDB could not store them (${describeError(error)})`, options.onDrop);
    }
  };

  const sendWithLock = async (shouldWait: boolean, isKeepalive: boolean) => {
    try {
      await writing;
      const db = await opened;
      // A flush() called before IndexedDB failed to open is owed the flush of the memory queue.
      if (db === null && shouldWait) await inMemory?.flush();
      if (db === null || isOffline()) return;
      const sendStoredEvents = createStoredEventsSender({
        db,
        target,
        onDrop: options.onDrop,
        onRejected: (rejected) => {
          reportRejected(rejected);
          keepRejected(rejected);
        },
      });
      await withFlushLock(db, owner, shouldWait, () => sendStoredEvents(isKeepalive));
      storedCount = (await readStats(db)).queued;
    } catch (error) {
      console.warn(`Chronicle telemetry could not flush: ${describeError(error)}.`);
    }
  };

  const flush = oneAtATime(() => sendWithLock(true, false));
  const flushIfNoOtherTabIs = oneAtATime(() => sendWithLock(false, false));
  const policy = createFlushPolicy({
    maxQueued: options.maxQueued ?? 10,
    flushIntervalMs: options.flushIntervalMs ?? 12_000,
    flush: () => void flushIfNoOtherTabIs(),
  });
  const flushOnPageHide = () => void sendWithLock(false, true);
  const stopListeningForPageHide = listenForPageHide(flushOnPageHide);
  const stopListeningForOnline = listenForOnline(() => void flushIfNoOtherTabIs());
  function stopTriggers() {
    policy.stop();
    stopListeningForPageHide();
    stopListeningForOnline();
  }
  // Events left by an earlier page or a closed tab have waited long enough already.
  void opened.then(() => {
    if (storedCount > 0) void flushIfNoOtherTabIs();
  });

  return {
    track(sessionId, type, payload, trackOptions) {
      if (inMemory !== null) return inMemory.track(sessionId, type, payload, trackOptions);
      try {
        if (isStopped) throw new Error("telemetry was stopped");
        const event = buildEvent(sessionId, type, payload, trackOptions, () => ({
          id: nextId(),
          // Numbered when stored: the counter lives in IndexedDB, shared with other tabs.
          seq: 0,
          clientTs: new Date().toISOString(),
        }));
        // A copy, so that the caller changing its payload object later cannot change the event.
        unwritten.push({ sessionId, event: JSON.parse(JSON.stringify(event)) as ClientEvent });
        if (!isWriteScheduled) {
          isWriteScheduled = true;
          writing = writing.then(writeUnwritten);
        }
      } catch (error) {
        console.warn(`Chronicle telemetry dropped a ${String(type)} event because ${describeError(error)}.`);
      }
    },
    flush: () => (inMemory === null ? flush() : inMemory.flush()),
    flushOnPageHide: () => (inMemory === null ? flushOnPageHide() : inMemory.flushOnPageHide()),
    rejected: () => (inMemory === null ? [...rejectedEvents] : inMemory.rejected()),
    pending: () => (inMemory === null ? storedCount + unwritten.length : inMemory.pending()),
    async stats(): Promise<TelemetryStats> {
      try {
        await writing;
        const db = await opened;
        if (db === null) return await (inMemory as Telemetry).stats();
        const stats = await readStats(db);
        storedCount = stats.queued;
        return stats;
      } catch (error) {
        console.warn(`Chronicle telemetry could not read its stats: ${describeError(error)}.`);
        return { queued: storedCount + unwritten.length, dropped: 0, rejected: 0 };
      }
    },
    stop() {
      isStopped = true;
      stopTriggers();
      inMemory?.stop();
    },
  };
}
