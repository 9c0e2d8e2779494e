import type { EventSource as TelemetrySource } from "@chronicle/contracts";
import { MAX_KEEPALIVE_REQUEST_BYTES, MAX_LEARNER_BATCH_EVENTS } from "@chronicle/contracts/limits";
import { utf8Bytes, type QueuedEvent } from "./queued-event.ts";

/** One telemetry.ingest request: its JSON body and the events in it, in order. */
export interface IngestRequest {
  readonly body: string;
  readonly events: readonly QueuedEvent[];
}

export interface RequestLimits {
  maxBytes: number;
  maxEvents: number;
}

/** Keepalive fetches are refused above 64 KB, and a learner's token may send 50 events per batch. */
export const defaultRequestLimits: RequestLimits = {
  maxBytes: MAX_KEEPALIVE_REQUEST_BYTES,
  maxEvents: MAX_LEARNER_BATCH_EVENTS,
};

/**
 * Packs events, in order, into as few request bodies as the limits allow. An event too big
 * for any request (only possible above the 4 KB payload limit) travels alone, so that the
 * server reports it as rejected instead of the SDK losing it without a word.
 */
export function splitIntoRequests(
  source: TelemetrySource,
  events: readonly QueuedEvent[],
  limits: RequestLimits = defaultRequestLimits,
): IngestRequest[] {
  const head = `{"source":${JSON.stringify(source)},"events":[`;
  const tail = "]}";
  const emptyBytes = utf8Bytes(head) + utf8Bytes(tail);
  const requests: IngestRequest[] = [];
  let current: QueuedEvent[] = [];
  let currentBytes = emptyBytes;

  const close = () => {
    if (current.length === 0) return;
    requests.push({ body: head + current.map((queued) => queued.json).join(",") + tail, events: current });
    current = [];
    currentBytes = emptyBytes;
  };

  for (const queued of events) {
    const separatorBytes = current.length > 0 ? 1 : 0;
    const isFull = current.length >= limits.maxEvents || currentBytes + separatorBytes + queued.bytes > limits.maxBytes;
    if (isFull) close();
    currentBytes += (current.length > 0 ? 1 : 0) + queued.bytes;
    current.push(queued);
  }
  close();
  return requests;
}
