import { projectionCheckpoints, rowsOf, type Database, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { Projection } from "./projection.ts";
import { readLogHead } from "./log-head.ts";
import { compareLogPositions, type LogPosition } from "./read-log.ts";
import { directLogReader, type LogReader } from "./shared-log-window.ts";
import { isLockTimeout } from "../cluster/leases.ts";

/**
 * Events per projection transaction. Each transaction has a fixed cost (limits, checkpoint,
 * head, read, checkpoint move); at 500 it was about half of a live pass at load.
 */
export const DEFAULT_PROJECTION_BATCH = 2000;

/**
 * Bounds on a projection transaction (PostgreSQL). A worker that freezes while it holds a
 * checkpoint (SIGSTOP, a long GC, a dead network) is ended by the server after the idle
 * limit, so its projection is stalled for seconds, never for good; a wait on a shared
 * aggregate row gives up after the lock limit and the pass retries later.
 */
const PROJECTION_TX_LIMITS = sql`select set_config('idle_in_transaction_session_timeout', '10s', true),
                                        set_config('statement_timeout', '30s', true),
                                        set_config('lock_timeout', '5s', true)`;

/** How a pass treats a checkpoint another worker holds: skip it this pass, or wait (bounded). */
type WhenBusy = "skip" | "wait";

/** Raised by `runProjectionOnce` when another worker kept the checkpoint past the lock limit. */
export class ProjectionBusyError extends Error {
  constructor(name: string) {
    super(`Projection '${name}' is being applied by another worker; try again when it has finished.`);
  }
}

async function lockCheckpoint(tx: Transaction, name: string, whenBusy: WhenBusy) {
  await tx.insert(projectionCheckpoints).values({ name }).onConflictDoNothing();
  const [checkpoint] = await rowsOf<{ last_tx_id: string; last_ingest_seq: string }>(
    tx,
    sql`select last_tx_id::text as last_tx_id, last_ingest_seq::text as last_ingest_seq
          from projection_checkpoints where name = ${name}
           for update ${whenBusy === "skip" ? sql`skip locked` : sql``}`,
  );
  return checkpoint ? { txId: Number(checkpoint.last_tx_id), ingestSeq: Number(checkpoint.last_ingest_seq) } : null;
}

/** The next batch of one projection and its checkpoint move, in the caller's transaction; null when busy. */
async function applyNextBatch(
  db: Database,
  tx: Transaction,
  projection: Projection,
  limit: number,
  whenBusy: WhenBusy,
  reader: LogReader,
  upTo?: LogPosition,
): Promise<number | null> {
  if (db.driver === "postgres") await tx.execute(PROJECTION_TX_LIMITS);
  const from = await lockCheckpoint(tx, projection.name, whenBusy);
  if (!from) return null;
  // Positions are assigned in commit order, so everything up to the head is final.
  const logHead = await readLogHead(tx);
  // A rebuild walks the log in steps: no further than the step's end, even if the log is longer.
  const head = upTo && compareLogPositions(upTo, logHead) < 0 ? upTo : logHead;
  const events = await reader.read(tx, from, projection.eventTypes, limit, head);
  if (events.length > 0) await projection.apply(tx, events);
  // Caught up: move past the events of other types too, so that later reads (and the lag
  // measure) start at the head instead of rescanning everything this projection ignores.
  const to = events.length < limit ? head : events[events.length - 1]!;
  const isForward = compareLogPositions(to, from) > 0;
  if (!isForward) return events.length;
  await tx.execute(sql`
    update projection_checkpoints
       set last_tx_id = ${to.txId}, last_ingest_seq = ${to.ingestSeq},
           events_applied = events_applied + ${events.length}, updated_at = now()
     where name = ${projection.name}`);
  return events.length;
}

/**
 * Applies the next events of one projection and moves its checkpoint, in one
 * transaction: a crash either keeps both or neither, so nothing is counted twice.
 * The checkpoint row is locked, so several workers never run the same projection at once;
 * this waits (at most the lock limit) for a worker that holds it, then throws
 * ProjectionBusyError. Returns how many events were applied.
 */
export async function runProjectionOnce(
  db: Database,
  projection: Projection,
  limit = DEFAULT_PROJECTION_BATCH,
  reader: LogReader = directLogReader,
  upTo?: LogPosition,
): Promise<number> {
  try {
    // null only if a rebuild removed the checkpoint row meanwhile: nothing was applied.
    return (await db.transaction((tx) => applyNextBatch(db, tx, projection, limit, "wait", reader, upTo))) ?? 0;
  } catch (error) {
    if (isLockTimeout(error)) throw new ProjectionBusyError(projection.name);
    throw error;
  }
}

/**
 * Like `runProjectionOnce`, but never waits for the checkpoint: when another worker holds
 * it (SKIP LOCKED), returns null at once and that worker carries on with the projection.
 */
export async function tryRunProjectionOnce(
  db: Database,
  projection: Projection,
  limit = DEFAULT_PROJECTION_BATCH,
  reader: LogReader = directLogReader,
): Promise<number | null> {
  return db.transaction((tx) => applyNextBatch(db, tx, projection, limit, "skip", reader));
}

/** Runs a projection until it has caught up with the log's current head. */
export async function catchUp(db: Database, projection: Projection, limit = DEFAULT_PROJECTION_BATCH, reader: LogReader = directLogReader): Promise<number> {
  let total = 0;
  for (;;) {
    const applied = await runProjectionOnce(db, projection, limit, reader);
    total += applied;
    if (applied < limit) return total;
  }
}
