import type { Executor } from "../client/database.ts";
import { ingestBatches } from "../schema/index.ts";

export type IngestBatchLog = typeof ingestBatches.$inferInsert;

/** Writes seed 001's batch-log row for one ingest call. */
export async function recordIngestBatch(executor: Executor, log: IngestBatchLog): Promise<void> {
  await executor.insert(ingestBatches).values(log);
}

/** Writes the batch-log rows of several ingest calls committed together, in one statement. */
export async function recordIngestBatches(executor: Executor, logs: readonly IngestBatchLog[]): Promise<void> {
  if (logs.length === 0) return;
  await executor.insert(ingestBatches).values([...logs]);
}
