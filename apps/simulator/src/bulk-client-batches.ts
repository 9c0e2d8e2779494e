import { validateClientEvent, type EventSource } from "@chronicle/contracts";
import type { IngestEndpoint } from "@chronicle/db";
import { randomUUID } from "node:crypto";
import type { SeededRandom } from "@chronicle/api/testing/seeded-random.ts";
import { badEventKinds, makeBadEvent } from "./bad-events.ts";
import type { BatchRow, DayBuffer, QuarantineRow } from "./bulk-day-buffer.ts";
import { clientEventRow } from "./bulk-event-rows.ts";
import type { TimedClientEvent } from "./session-event-log.ts";
import { SDK_FLUSH_SIZE } from "./send-client-events.ts";

export interface BatchOrigin {
  userId: string;
  endpoint: IngestEndpoint;
  source: EventSource | null;
  badRate: number;
  resendRate: number;
  /** The device's clock error, so a bad event it sends carries the same clock as its good ones. */
  clockSkewMs: number;
}

/** A rejected event as the pipeline quarantines it; a well-formed event for a session nobody created is unknown_session. */
export function quarantineRowFor(raw: Record<string, unknown>, userId: string, batchId: string, receivedAt: string): QuarantineRow {
  const validation = validateClientEvent(raw);
  const base = { received_at: receivedAt, batch_id: batchId, user_id: userId, event_type: typeof raw.event_type === "string" ? raw.event_type : null, raw_json: raw };
  if (!validation.ok) return { ...base, event_id: validation.id, code: validation.code, message: validation.message, issues: validation.issues };
  return {
    ...base,
    event_id: validation.event.id,
    code: "unknown_session",
    message: `Session '${validation.event.session_id}' does not exist; create it with sessions.create first.`,
    issues: [],
  };
}

export function batchRow(origin: Omit<BatchRow, "status" | "end_time" | "conflict_count" | "duplicate_count"> & { duplicate_count?: number }): BatchRow {
  const received = origin.success_count + (origin.duplicate_count ?? 0);
  return {
    ...origin,
    duplicate_count: origin.duplicate_count ?? 0,
    conflict_count: 0,
    end_time: new Date(Date.parse(origin.start_time) + origin.duration_ms).toISOString(),
    status: origin.failure_count === 0 ? "completed" : received > 0 ? "partial" : "failed",
  };
}

/** The SDK's flush timer (createTelemetry's default flushIntervalMs). */
export const SDK_FLUSH_INTERVAL_MS = 12_000;

interface Flush {
  events: TimedClientEvent[];
  flushMs: number;
}

/**
 * When the SDK would have sent each event: its queue goes out once 10 events are queued or at
 * the next tick of its 12 s timer, whichever comes first, and never after `lastFlushByMs` (the
 * player flushes before submit). So an event waits seconds, not the minutes a session lasts.
 */
export function sdkFlushes(random: SeededRandom, timed: readonly TimedClientEvent[], lastFlushByMs = Number.POSITIVE_INFINITY): Flush[] {
  const phase = random.int(0, SDK_FLUSH_INTERVAL_MS - 1);
  const nextTickAfter = (ms: number) => ms + SDK_FLUSH_INTERVAL_MS - ((((ms - phase) % SDK_FLUSH_INTERVAL_MS) + SDK_FLUSH_INTERVAL_MS) % SDK_FLUSH_INTERVAL_MS);
  const flushes: Flush[] = [];
  let queued: TimedClientEvent[] = [];
  let tickMs = 0;
  for (const entry of timed) {
    if (queued.length > 0 && entry.atMs >= tickMs) {
      flushes.push({ events: queued, flushMs: tickMs });
      queued = [];
    }
    if (queued.length === 0) tickMs = nextTickAfter(entry.atMs);
    queued.push(entry);
    if (queued.length === SDK_FLUSH_SIZE) {
      flushes.push({ events: queued, flushMs: entry.atMs });
      queued = [];
    }
  }
  if (queued.length > 0) flushes.push({ events: queued, flushMs: Math.max(queued.at(-1)!.atMs, Math.min(tickMs, lastFlushByMs)) });
  return flushes;
}

/**
 * What the SDK's flushes of one session leave behind: a batch per flush whose events share the
 * batch's event_ts (the flush plus the network), a batch-log row, a bad event quarantined now
 * and then, and an occasional resend that comes back as duplicates. Returns the last arrival.
 */
export function flushClientBatches(
  buffer: DayBuffer,
  random: SeededRandom,
  origin: BatchOrigin,
  timed: readonly TimedClientEvent[],
  lastFlushByMs?: number,
): number {
  let lastArrivalMs = 0;
  for (const { events: chunk, flushMs } of sdkFlushes(random, timed, lastFlushByMs)) {
    // Batches of one session arrive in the order they were sent.
    const arrivalMs = Math.max(lastArrivalMs + 1, flushMs + random.int(40, 900));
    lastArrivalMs = arrivalMs;
    const arrival = { eventTs: new Date(arrivalMs).toISOString(), batchId: randomUUID(), source: origin.source };
    let rejected = 0;
    for (const { event, atMs } of chunk) {
      buffer.events.push(clientEventRow(event, origin.userId, arrival));
      if (random.chance(origin.badRate)) {
        buffer.quarantine.push(quarantineRowFor(makeBadEvent(random, random.pick(badEventKinds), event.session_id, atMs + origin.clockSkewMs), origin.userId, arrival.batchId, arrival.eventTs));
        rejected += 1;
      }
    }
    const common = { client_batch_id: null, user_id: origin.userId, endpoint: origin.endpoint, source: origin.source, client_version: null, start_time: arrival.eventTs };
    buffer.batches.push(batchRow({ ...common, batch_id: arrival.batchId, item_count: chunk.length + rejected, success_count: chunk.length, failure_count: rejected, duration_ms: random.int(4, 60) }));
    if (random.chance(origin.resendRate)) {
      const resendAt = new Date(arrivalMs + random.int(1000, 15_000)).toISOString();
      buffer.batches.push(batchRow({ ...common, batch_id: randomUUID(), start_time: resendAt, item_count: chunk.length, success_count: 0, duplicate_count: chunk.length, failure_count: 0, duration_ms: random.int(3, 30) }));
    }
  }
  return lastArrivalMs;
}
