import type { EventResult } from "@chronicle/contracts";
import { ingestStoreFailures, type Database } from "@chronicle/db";
import type { IngestItem } from "../ingest/ingest-events.ts";
import { eventsIngested, eventsRejected, failedInserts, ingestBatches, ingestBatchSize, ingestInsertDuration } from "./metrics.ts";

export interface StoreFailure {
  batchId: string;
  endpoint: string;
  eventCount: number;
  failedAt: string;
}

/** Failures not yet written to ingest_store_failures: the database was failing when they happened. */
const pending = new Map<string, StoreFailure>();
let failuresSinceStart = 0;

/** Writes the failures kept in memory; they stay pending if the database still fails. */
export async function persistStoreFailures(db: Database): Promise<void> {
  if (pending.size === 0) return;
  const failures = [...pending.values()];
  await db.orm.insert(ingestStoreFailures).values(failures).onConflictDoNothing();
  for (const failure of failures) pending.delete(failure.batchId);
}

/**
 * Counts a batch the event store refused and tries to persist it without blocking the caller.
 * Called from the ingest pipeline next to its `telemetry.store_failed` log line.
 */
export function recordStoreFailure(db: Database, failure: StoreFailure): void {
  failuresSinceStart += 1;
  ingestBatches.inc({ endpoint: failure.endpoint, outcome: "store_failed" });
  failedInserts.inc({ endpoint: failure.endpoint }, failure.eventCount);
  pending.set(failure.batchId, failure);
  persistStoreFailures(db).catch(() => {
    // Still failing: the next health read tries again, and the count is kept in memory meanwhile.
  });
}

/** The failures of this process that are not in the table yet, and the total since the process started. */
export function storeFailureSnapshot(): { unpersisted: readonly StoreFailure[]; sinceProcessStart: number } {
  return { unpersisted: [...pending.values()], sinceProcessStart: failuresSinceStart };
}

/**
 * Counts one stored batch for Prometheus: its events by family, type and outcome, its
 * rejections by code, its size and the time its transaction took.
 */
export function observeIngestBatch(endpoint: string, items: readonly IngestItem[], results: readonly EventResult[], durationMs: number): void {
  ingestBatches.inc({ endpoint, outcome: "stored" });
  ingestBatchSize.observe({ endpoint }, results.length);
  ingestInsertDuration.observe({ endpoint }, durationMs / 1000);
  results.forEach((result, index) => {
    const validation = items[index]?.validation;
    // Only contract-valid types become label values, so a client inventing names cannot grow the series.
    const event = validation?.ok ? validation.event : null;
    eventsIngested.inc({ family: event?.family ?? "unknown", type: event?.event_type ?? "unknown", status: result.status });
    if (result.status === "rejected") eventsRejected.inc({ code: result.code ?? "unknown" });
  });
}
