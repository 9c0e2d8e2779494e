import type { ConflictStrategy, SyncBatchInput, SyncBatchOutput, SyncItemResult } from "@chronicle/contracts";
import { quarantineEvents } from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { ReasonedError } from "../errors/reasoned-error.ts";
import type { IngestDeps } from "../ingest/ingest-events.ts";
import { applyAssessmentItems } from "./apply-assessment-items.ts";
import { applyProgressItems } from "./apply-progress-items.ts";
import { sortSyncItems } from "./parse-sync-items.ts";
import { countSyncResults, writeSyncBatchLog } from "./sync-batch-log.ts";
import { syncEventItems } from "./sync-event-items.ts";

/**
 * Seed 001's batch sync. Events go through the ingest pipeline (its own transaction); then
 * progress and assessment items, the quarantine of malformed items and the batch log are
 * written in one transaction, serialised per learner so two tabs syncing at once resolve
 * conflicts one after the other. A retry of a failed call is safe: stored events come back as
 * duplicates and already-applied values as duplicates too.
 */
export async function syncBatch(deps: IngestDeps, userId: string, input: SyncBatchInput, strategy: ConflictStrategy): Promise<SyncBatchOutput> {
  const startTime = deps.now();
  const started = performance.now();
  const sorted = sortSyncItems(input.items);
  const results: SyncItemResult[] = new Array(input.items.length);
  for (const { result } of sorted.invalid) results[result.index] = result;

  const events = await syncEventItems(deps, userId, input.batchId, sorted.events);
  for (const result of events.results) results[result.index] = result;
  const batchId = events.logBatchId ?? randomUUID();

  try {
    await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sync:${userId}`}, 0))`);
      const progress = await applyProgressItems(tx, userId, strategy, sorted.progress, startTime);
      const assessments = await applyAssessmentItems(tx, userId, strategy, sorted.assessments, startTime);
      for (const result of [...progress, ...assessments]) results[result.index] = result;
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
      await writeSyncBatchLog(tx, {
        batchId,
        isRowWritten: events.logBatchId !== null,
        clientBatchId: input.batchId,
        userId,
        startTime,
        durationMs: Math.round(performance.now() - started),
        counts: countSyncResults(results),
      });
    });
  } catch (error) {
    deps.log.error("sync.store_failed", { batchId, clientBatchId: input.batchId, userId, items: input.items.length, error });
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: `Chronicle could not store this sync batch; send it again in ${deps.retryAfterSeconds} seconds (items already stored come back as duplicates).`,
      cause: new ReasonedError("store_unavailable", "the sync store failed", { cause: error }),
    });
  }

  const counts = countSyncResults(results);
  const processed = counts.items - counts.failed;
  return {
    // Seed 001 answers success with some items failed; only a batch where nothing went through is not a success.
    success: processed > 0,
    data: { processed, failed: counts.failed, conflicts: counts.conflicts, results },
  };
}
