import { projectionCheckpoints, rowsOf, type Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { Projection } from "./projection.ts";
import { readLogHead } from "./log-head.ts";
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
    const from = { txId: Number(checkpoint!.last_tx_id), ingestSeq: Number(checkpoint!.last_ingest_seq) };
    // Everything up to the head is from finished transactions, so it can no longer change.
    const head = await readLogHead(tx);
    const events = await readLogAfter(tx, from, projection.eventTypes, limit, head);
    if (events.length > 0) await projection.apply(tx, events);
    // Caught up: move past the events of other types too, so that later reads (and the lag
    // measure) start at the head instead of rescanning everything this projection ignores.
    const to = events.length < limit ? head : events[events.length - 1]!;
    const isForward = to.txId > from.txId || (to.txId === from.txId && to.ingestSeq > from.ingestSeq);
    if (!isForward) return events.length;
    await tx.execute(sql`
      update projection_checkpoints
         set last_tx_id = ${to.txId}, last_ingest_seq = ${to.ingestSeq},
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
