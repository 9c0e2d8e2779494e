import { projectionCheckpoints, rowsOf, type Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { Projection } from "./projection.ts";
import { readLogAfter } from "./read-log.ts";

export const DEFAULT_PROJECTION_BATCH = 500;

/**
 * Applies the next events of one projection and moves its checkpoint, in one
 * transaction: a crash either keeps both or neither, so nothing is counted twice.
 * The checkpoint row is locked, so several servers never run the same projection at once.
 * Returns how many events were applied.
 */
export async function runProjectionOnce(db: Database, projection: Projection, limit = DEFAULT_PROJECTION_BATCH): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.insert(projectionCheckpoints).values({ name: projection.name }).onConflictDoNothing();
    const [checkpoint] = await rowsOf<{ last_tx_id: string; last_ingest_seq: string }>(
      tx,
      sql`select last_tx_id::text as last_tx_id, last_ingest_seq::text as last_ingest_seq
            from projection_checkpoints where name = ${projection.name} for update`,
    );
    const events = await readLogAfter(
      tx,
      { txId: Number(checkpoint!.last_tx_id), ingestSeq: Number(checkpoint!.last_ingest_seq) },
      projection.eventTypes,
      limit,
    );
    if (events.length === 0) return 0;
    await projection.apply(tx, events);
    const last = events[events.length - 1]!;
    await tx.execute(sql`
      update projection_checkpoints
         set last_tx_id = ${last.txId}, last_ingest_seq = ${last.ingestSeq},
             events_applied = events_applied + ${events.length}, updated_at = now()
       where name = ${projection.name}`);
    return events.length;
  });
}

/** Runs a projection until it has caught up with the log's current horizon. */
export async function catchUp(db: Database, projection: Projection, limit = DEFAULT_PROJECTION_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const applied = await runProjectionOnce(db, projection, limit);
    total += applied;
    if (applied < limit) return total;
  }
}
