import { validateClientEvent, type EventResult, type SyncItemResult } from "@chronicle/contracts";
import { ingestEvents, type IngestDeps } from "../ingest/ingest-events.ts";
import type { Indexed } from "./parse-sync-items.ts";

export interface SyncedEvents {
  /** The ingest_batches row the pipeline wrote; null when the batch held no events. */
  logBatchId: string | null;
  results: SyncItemResult[];
}

/**
 * An event is immutable once in the log, so an id conflict is a conflict the server always
 * wins, under either strategy; the client should drop the item rather than retry it.
 */
function toSyncResult(index: number, result: EventResult): SyncItemResult {
  if (result.status === "accepted") return { index, itemType: "event", status: "synced" };
  if (result.status === "duplicate") return { index, itemType: "event", status: "duplicate" };
  if (result.code === "id_conflict") return { index, itemType: "event", status: "conflict", resolution: "server", code: result.code, message: result.message };
  return { index, itemType: "event", status: "failed", code: result.code, message: result.message, issues: result.issues };
}

/** Event items go through the same ingest pipeline as telemetry.ingest: ownership, dedup, quarantine, log. */
export async function syncEventItems(deps: IngestDeps, userId: string, clientBatchId: string, events: readonly Indexed<unknown>[]): Promise<SyncedEvents> {
  if (events.length === 0) return { logBatchId: null, results: [] };
  const outcome = await ingestEvents(
    deps,
    events.map(({ item }) => ({ raw: item, userId, validation: validateClientEvent(item) })),
    { endpoint: "sync.batch", source: null, emitter: "client", submittedBy: userId, clientBatchId },
  );
  return { logBatchId: outcome.batchId, results: outcome.results.map((result, i) => toSyncResult(events[i]!.index, result)) };
}
