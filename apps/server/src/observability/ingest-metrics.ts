import { ingestStoreFailures, type Database } from "@chronicle/db";

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
  pending.set(failure.batchId, failure);
  persistStoreFailures(db).catch(() => {
    // Still failing: the next health read tries again, and the count is kept in memory meanwhile.
  });
}

/** The failures of this process that are not in the table yet, and the total since the process started. */
export function storeFailureSnapshot(): { unpersisted: readonly StoreFailure[]; sinceProcessStart: number } {
  return { unpersisted: [...pending.values()], sinceProcessStart: failuresSinceStart };
}
