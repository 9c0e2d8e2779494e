import type { ConflictStrategy, SyncBatchInput, SyncBatchOutput, SyncItemResult } from "@chronicle/contracts";
import { quarantineEvents } from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { ReasonedError } from "../errors/reasoned-error.ts";
import type { IngestDeps } from "../ingest/ingest-events.ts";
import { LogRaceError } from "../ingest/write-group.ts";
import { applyAssessmentItems } from "./apply-assessment-items.ts";
import { applyProgressItems } from "./apply-progress-items.ts";
import { sortSyncItems, type SortedSyncItems } from "./parse-sync-items.ts";
import { countSyncResults, writeSyncBatchLog } from "./sync-batch-log.ts";
import { syncEventItems } from "./sync-event-items.ts";
import { observeSyncBatch } from "../observability/domain-metrics.ts";

/** A concurrent writer stored one of the batch's new event ids first: the batch is written again. */
const maxLogRaceAttempts = 3;

/**
 * Seed 001's batch sync, in ONE transaction: the event items (through the ingest steps),
 * progress and assessment items, the quarantine of malformed items and the batch log commit
 * together or not at all, so a 503 never leaves part of the batch stored. The transaction is
 * serialised per learner, so two tabs syncing at once resolve conflicts one after the other.
 * A retry of a failed call is safe: stored events and applied values come back as duplicates.
 */
export async function syncBatch(deps: IngestDeps, userId: string, input: SyncBatchInput, strategy: ConflictStrategy): Promise<SyncBatchOutput> {
  const startTime = deps.now();
  const started = performance.now();
  const sorted = sortSyncItems(input.items);

  let results: SyncItemResult[] | undefined;
  try {
    for (let attempt = 1; !results; attempt += 1) {
      try {
        results = await writeSyncBatch(deps, userId, input, strategy, sorted, startTime, started);
      } catch (error) {
        if (!(error instanceof LogRaceError) || attempt >= maxLogRaceAttempts) throw error;
      }
    }
  } catch (error) {
    // Ids and sizes only: the items themselves are learner data and stay out of the log.
    deps.log.error("sync.store_failed", { clientBatchId: input.batchId, userId, items: input.items.length, error });
    observeSyncBatch("store_failed", performance.now() - started);
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: `Chronicle could not store this sync batch; nothing of it was written, send it again in ${deps.retryAfterSeconds} seconds.`,
      cause: new ReasonedError("store_unavailable", "the sync store failed", { cause: error }),
    });
  }

  deps.onStored?.();
  const counts = countSyncResults(results);
  const processed = counts.items - counts.failed;
  observeSyncBatch(counts.failed === 0 ? "completed" : processed > 0 ? "partial" : "failed", performance.now() - started, results);
  return {
    // Seed 001 answers success with some items failed; only a batch where nothing went through is not a success.
    success: processed > 0,
    data: { processed, failed: counts.failed, conflicts: counts.conflicts, results },
  };
}

async function writeSyncBatch(
  deps: IngestDeps,
  userId: string,
  input: SyncBatchInput,
  strategy: ConflictStrategy,
  sorted: SortedSyncItems,
  startTime: Date,
  started: number,
): Promise<SyncItemResult[]> {
  return deps.db.transaction(async (tx) => {
    const results: SyncItemResult[] = new Array(input.items.length);
    for (const { result } of sorted.invalid) results[result.index] = result;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sync:${userId}`}, 0))`);
    const progress = await applyProgressItems(tx, userId, strategy, sorted.progress, startTime);
    const assessments = await applyAssessmentItems(tx, userId, strategy, sorted.assessments, startTime);
    for (const result of [...progress, ...assessments]) results[result.index] = result;
    const batchId = randomUUID();
    await quarantineEvents(
      tx,
      sorted.invalid.map(({ result, raw }) => ({
        batch_id: batchId,
        user_id: userId,
        event_id: null,
        event_type: null,
        code: result.code!,
        message: result.message!,
        issues: result.issues ?? [],
        raw_json: raw,
      })),
    );
    // Events come after the other items: appending takes the log-position lock, held until COMMIT.
    const events = await syncEventItems(tx, deps, userId, { batchId, clientBatchId: input.batchId }, sorted.events);
    for (const result of events.results) results[result.index] = result;
    await writeSyncBatchLog(tx, {
      batchId,
      isRowWritten: events.logBatchId !== null,
      clientBatchId: input.batchId,
      userId,
      startTime,
      durationMs: Math.round(performance.now() - started),
      counts: countSyncResults(results),
    });
    return results;
  });
}
