import { validateClientEvent, type EventResult, type SyncItemResult } from "@chronicle/contracts";
import type { Transaction } from "@chronicle/db";
import type { IngestDeps } from "../ingest/ingest-events.ts";
import { prepareBatch } from "../ingest/prepare-batch.ts";
import { writeGroup } from "../ingest/write-group.ts";
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

/**
 * Event items go through the same steps as telemetry.ingest (ownership, dedup, quarantine,
 * batch log) but inside the sync batch's own transaction, so the events, the progress and
 * assessment items and the batch log commit together or not at all. They do not join the
 * group commit, whose transaction belongs to other requests.
 */
export async function syncEventItems(
  tx: Transaction,
  deps: Pick<IngestDeps, "now">,
  userId: string,
  batch: { batchId: string; clientBatchId: string },
  events: readonly Indexed<unknown>[],
): Promise<SyncedEvents> {
  if (events.length === 0) return { logBatchId: null, results: [] };
  const { batchId, clientBatchId } = batch;
  const items = events.map(({ item }) => ({ raw: item, userId, validation: validateClientEvent(item) }));
  const prepared = prepareBatch(batchId, deps.now(), performance.now(), items, { endpoint: "sync.batch", source: null, emitter: "client", submittedBy: userId, clientBatchId });
  const [results] = await writeGroup(tx, [prepared]);
  return { logBatchId: batchId, results: results!.map((result, i) => toSyncResult(events[i]!.index, result)) };
}
