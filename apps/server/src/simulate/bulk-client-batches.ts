import { validateClientEvent, type EventSource } from "@chronicle/contracts";
import type { IngestEndpoint } from "@chronicle/db";
import { randomUUID } from "node:crypto";
import type { SeededRandom } from "../testing/seeded-random.ts";
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

/**
 * What the SDK's flushes of one session leave behind: every 10 events a batch whose events
 * share the batch's event_ts, a batch-log row, a bad event quarantined now and then, and an
 * occasional resend that comes back as duplicates. Returns the time of the last flush.
 */
export function flushClientBatches(buffer: DayBuffer, random: SeededRandom, origin: BatchOrigin, timed: readonly TimedClientEvent[]): number {
  let lastFlushMs = 0;
  for (let start = 0; start < timed.length; start += SDK_FLUSH_SIZE) {
    const chunk = timed.slice(start, start + SDK_FLUSH_SIZE);
    const flushMs = chunk.at(-1)!.atMs + random.int(200, 3000);
    lastFlushMs = flushMs;
    const arrival = { eventTs: new Date(flushMs).toISOString(), batchId: randomUUID(), source: origin.source };
    let rejected = 0;
    for (const { event, atMs } of chunk) {
      buffer.events.push(clientEventRow(event, origin.userId, arrival));
      if (random.chance(origin.badRate)) {
        buffer.quarantine.push(quarantineRowFor(makeBadEvent(random, random.pick(badEventKinds), event.session_id, atMs), origin.userId, arrival.batchId, arrival.eventTs));
        rejected += 1;
      }
    }
    const common = { client_batch_id: null, user_id: origin.userId, endpoint: origin.endpoint, source: origin.source, client_version: null, start_time: arrival.eventTs };
    buffer.batches.push(batchRow({ ...common, batch_id: arrival.batchId, item_count: chunk.length + rejected, success_count: chunk.length, failure_count: rejected, duration_ms: random.int(4, 60) }));
    if (random.chance(origin.resendRate)) {
      const resendAt = new Date(flushMs + random.int(1000, 15_000)).toISOString();
      buffer.batches.push(batchRow({ ...common, batch_id: randomUUID(), start_time: resendAt, item_count: chunk.length, success_count: 0, duplicate_count: chunk.length, failure_count: 0, duration_ms: random.int(3, 30) }));
    }
  }
  return lastFlushMs;
}
