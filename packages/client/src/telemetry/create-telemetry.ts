import type { ClientEvent, EventPayloadInput, EventSource as TelemetrySource, EventType, IngestBatchOutput } from "@chronicle/contracts";
import type { TokenSource } from "../token-source.ts";
import { buildEvent, type TrackOptions } from "./build-event.ts";
import { classifyResults, type RejectedEvent } from "./classify-results.ts";
import { createFlushPolicy } from "./flush-policy.ts";
import { createIngestTarget } from "./ingest-target.ts";
import { listenForPageHide } from "./listen-for-page-hide.ts";
import { oneAtATime } from "./one-at-a-time.ts";
import { toQueuedEvent, type QueuedEvent } from "./queued-event.ts";
import { describeError, reportDropped, reportRejected } from "./report-lost-events.ts";
import { sendIngestRequest, type FetchFn } from "./send-ingest-request.ts";
import { sendWithRetry } from "./send-with-retry.ts";
import { createSessionSeq } from "./session-seq.ts";
import { splitIntoRequests, type IngestRequest } from "./split-into-requests.ts";
import { TelemetryQueue } from "./telemetry-queue.ts";
import type { TelemetryStorage } from "./telemetry-storage.ts";
import { createUuidV7 } from "./uuid-v7.ts";

export interface TelemetryOptions {
  /** The Chronicle server's origin; events go to `${url}/trpc/telemetry.ingest`. */
  url: string;
  token: TokenSource;
  source?: TelemetrySource;
  fetch?: FetchFn;
  flushIntervalMs?: number;
  /** Flush as soon as this many events are queued. */
  maxQueued?: number;
  /** Retries after the first attempt of a batch. */
  maxRetries?: number;
  baseBackoffMs?: number;
  /** Past this many events waiting in memory (a long outage) the oldest are dropped; 1000 by default. */
  maxBuffered?: number;
  /** Called when events are given up on (after the retries, on a refusal, or when the buffer overflows). */
  onDrop?: (events: readonly ClientEvent[], reason: string) => void;
  /** Keeps each session's seq across page reloads, e.g. `sessionStorage`. */
  storage?: TelemetryStorage;
}

/** A debugging view of the queue: what waits, and how many events were lost or refused so far. */
export interface TelemetryStats {
  /** Events waiting to be sent or being sent (with the durable entry, by every tab of the origin). */
  queued: number;
  /** Events given up on without the server taking them: the bound, or a request refused as a whole. */
  dropped: number;
  /** Events the server refused one by one. */
  rejected: number;
}

export interface Telemetry {
  track<T extends EventType>(sessionId: string, type: T, payload: EventPayloadInput<T>, options?: TrackOptions): void;
  /** Sends what is queued; resolves (never rejects) once every queued event has been attempted. */
  flush(): Promise<void>;
  /** Sends what is queued with keepalive requests that outlive the page. */
  flushOnPageHide(): void;
  /** Debugging aid: the most recent events the server refused, with its reasons. */
  rejected(): readonly RejectedEvent[];
  /** Events queued or being sent. */
  pending(): number;
  /** Debugging aid; with the durable entry the counts are persisted and shared by the origin's tabs. */
  stats(): Promise<TelemetryStats>;
  /** Stops the timer and page-hide listeners; events tracked afterwards are dropped. */
  stop(): void;
}

/** Past this many queued events (a long outage) the oldest are dropped to bound memory. */
const MAX_BUFFERED_EVENTS = 1000;
const MAX_REJECTED_KEPT = 100;

/**
 * The seed-000 telemetry client: queue, batch, retry, and never disturb the UI. The queue is
 * in memory; the IndexedDB queue that survives reloads is its own entry point
 * (`@chronicle/client/telemetry/durable`), so only those who use it download it.
 */
export function createTelemetry(options: TelemetryOptions): Telemetry {
  return createInMemoryTelemetry(options);
}

/** The in-memory queue; the durable entry falls back to it where IndexedDB is missing. */
export function createInMemoryTelemetry(options: TelemetryOptions): Telemetry {
  const { source, endpoint, fetch: fetchFn, retryPolicy, token, lastToken, metrics } = createIngestTarget(options);
  const nextId = createUuidV7();
  const nextSeq = createSessionSeq(options.storage);
  const rejectedEvents: RejectedEvent[] = [];
  let inFlightCount = 0;
  let droppedCount = 0;
  let rejectedCount = 0;
  let isStopped = false;
  const maxBuffered = Math.max(1, options.maxBuffered ?? MAX_BUFFERED_EVENTS);

  const drop = (events: readonly QueuedEvent[], reason: string) => {
    droppedCount += events.length;
    reportDropped(events.map((queued) => queued.event), reason, options.onDrop);
  };

  const queue = new TelemetryQueue(maxBuffered, (dropped) => {
    // Seed 000's queue overflow rate: the server hears of these with the next request.
    metrics.count("dropped", dropped.length);
    drop(dropped, `more than ${maxBuffered} were waiting to be sent`);
  });

  const settle = (events: readonly QueuedEvent[], output: IngestBatchOutput) => {
    const { rejected, unanswered } = classifyResults(events, output.results);
    reportRejected(rejected);
    rejectedCount += rejected.length;
    rejectedEvents.push(...rejected);
    rejectedEvents.splice(0, Math.max(0, rejectedEvents.length - MAX_REJECTED_KEPT));
    queue.putBack(unanswered);
  };

  const sendBatch = async (request: IngestRequest) => {
    inFlightCount += request.events.length;
    try {
      const result = await sendWithRetry(
        async () => sendIngestRequest({ fetch: fetchFn, endpoint, token: await token(), body: request.body, keepalive: false, metrics }),
        retryPolicy,
      );
      if (result.kind === "answered") settle(request.events, result.output);
      else drop(request.events, `${result.reason} (after ${result.attempts} attempt(s))`);
    } catch (error) {
      drop(request.events, describeError(error));
    } finally {
      inFlightCount -= request.events.length;
    }
  };

  const flush = oneAtATime(async () => {
    try {
      const requests = splitIntoRequests(source, queue.takeAll());
      if (requests.length > 0) metrics.count("flushes");
      for (const request of requests) await sendBatch(request);
    } catch (error) {
      console.warn(`Chronicle telemetry could not flush: ${describeError(error)}.`);
    }
  });

  const sendKeepalive = async (request: IngestRequest) => {
    inFlightCount += request.events.length;
    try {
      // The page may be gone after the first await, so a known token is used without waiting.
      const bearer = lastToken() ?? (await token());
      const outcome = await sendIngestRequest({ fetch: fetchFn, endpoint, token: bearer, body: request.body, keepalive: true, metrics });
      if (outcome.kind === "answered") settle(request.events, outcome.output);
      else if (outcome.kind === "failed") drop(request.events, outcome.reason);
      // The page may come back (a tab switched back to); the next flush then retries these.
      else queue.putBack(request.events);
    } catch (error) {
      drop(request.events, describeError(error));
    } finally {
      inFlightCount -= request.events.length;
    }
  };

  const flushOnPageHide = () => {
    try {
      const requests = splitIntoRequests(source, queue.takeAll());
      if (requests.length > 0) metrics.count("flushes");
      for (const request of requests) void sendKeepalive(request);
    } catch (error) {
      console.warn(`Chronicle telemetry could not flush on page hide: ${describeError(error)}.`);
    }
  };

  const policy = createFlushPolicy({
    maxQueued: options.maxQueued ?? 10,
    flushIntervalMs: options.flushIntervalMs ?? 12_000,
    flush: () => void flush(),
  });
  const stopListening = listenForPageHide(flushOnPageHide);

  return {
    track(sessionId, type, payload, trackOptions) {
      try {
        if (isStopped) throw new Error("telemetry was stopped");
        const event = buildEvent(sessionId, type, payload, trackOptions, () => ({
          id: nextId(),
          seq: nextSeq(sessionId),
          clientTs: new Date().toISOString(),
        }));
        queue.push(toQueuedEvent(event));
        policy.onQueued(queue.size);
      } catch (error) {
        console.warn(`Chronicle telemetry dropped a ${String(type)} event because ${describeError(error)}.`);
      }
    },
    flush,
    flushOnPageHide,
    rejected: () => [...rejectedEvents],
    pending: () => queue.size + inFlightCount,
    stats: async () => ({ queued: queue.size + inFlightCount, dropped: droppedCount, rejected: rejectedCount }),
    stop() {
      isStopped = true;
      policy.stop();
      stopListening();
    },
  };
}
