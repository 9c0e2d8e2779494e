import type { Database } from "@chronicle/db";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../observability/logger.ts";
import { readLogHead } from "./log-head.ts";
import type { Projection } from "./projection.ts";
import { DEFAULT_PROJECTION_BATCH, runProjectionOnce, tryRunProjectionOnce } from "./run-projection.ts";
import { createSharedLogWindow, type LogReader } from "./shared-log-window.ts";

export interface ProjectionRunner {
  /** Asks for a pass soon (after an ingest) instead of waiting for the next tick. */
  nudge(): void;
  /** Resolves when every projection has caught up with what is committed now. */
  drain(): Promise<void>;
  /** Finishes the batch in flight (its transaction commits or rolls back), abandons the rest of the pass, and stops. */
  stop(): Promise<void>;
}

export interface ProjectionRunnerOptions {
  /** How often a pass runs without a nudge. */
  intervalMs?: number;
  /**
   * The least time between the starts of two passes. Under steady ingest, nudges would
   * otherwise run passes back to back and take the database from ingest; spacing them
   * makes each pass apply a bigger batch for the same fixed cost.
   */
  minGapMs?: number;
  /**
   * A pass that still finds full batches after this long ends and queues the next one, so
   * projections that caught up early are looked at again soon instead of after the backlog.
   */
  maxPassMs?: number;
  batchSize?: number;
  /**
   * Projections applied at the same time within a pass, each in its own transaction (default:
   * 4 on PostgreSQL, 1 on PGlite, which has one connection). While some wait on the database
   * others decode or tally, so the cores both work: at 5 600 events/s (bench:lag) lag p95 was
   * 5.6–10.1 s with 2 lanes, 1.1 s with 3 and 0.93 s with 4. Projections that share rows may run
   * side by side, as they do in two workers: they lock shared rows in one documented order.
   */
  lanes?: number;
}

/**
 * Keeps hot aggregates current: a pass runs every `intervalMs` and soon after a nudge.
 * A pass is fair: it goes round the projections one batch each, and keeps in the round only
 * those that got a full batch (they have more waiting), so one busy projection never starves
 * the others. A projection whose checkpoint another worker holds is skipped (SKIP LOCKED):
 * that worker is applying it. A pass is skipped when the log head has not moved since the
 * last complete pass. Failures are logged and retried on the next pass; they never reach
 * the request that caused them.
 */
export function startProjectionRunner(
  db: Database,
  projections: readonly Projection[],
  log: Logger,
  options: ProjectionRunnerOptions | number = {},
): ProjectionRunner {
  const {
    intervalMs = 250,
    minGapMs = 150,
    maxPassMs = 1_000,
    batchSize = DEFAULT_PROJECTION_BATCH,
    lanes = db.driver === "postgres" ? 4 : 1,
  } = typeof options === "number" ? { intervalMs: options } : options;
  let isStopped = false;
  let current: Promise<void> = Promise.resolve();
  let isPassQueued = false;
  // Monotonic: a wall-clock step (NTP, DST on a laptop) must not stall or rush the passes.
  let lastPassStartedAt = -Infinity;
  let caughtUpHead: string | null = null;

  /** One batch of one projection: how many it applied, or null when it did not get a full turn. */
  const step = async (projection: Projection, isForced: boolean, reader: LogReader): Promise<number | null> => {
    try {
      // A drain must really catch up, so it waits (bounded) for another worker's checkpoint.
      return isForced ? await runProjectionOnce(db, projection, batchSize, reader) : await tryRunProjectionOnce(db, projection, batchSize, reader);
    } catch (error) {
      log.error("projection.failed", { projection: projection.name, error });
      return null;
    }
  };

  /** Returns true when projections were left with full batches when the pass ended. */
  const pass = async (isForced: boolean): Promise<boolean> => {
    const { txId, ingestSeq } = await readLogHead(db.orm);
    const head = `${txId}:${ingestSeq}`;
    if (!isForced && head === caughtUpHead) return false;
    const startedAt = performance.now();
    // The projections of this pass read the log through one window: each event is read once.
    const reader = createSharedLogWindow(2 * batchSize);
    let isComplete = true;
    let round = projections;
    while (round.length > 0 && !isStopped) {
      const full = new Set<Projection>();
      const queue = [...round];
      await Promise.all(
        Array.from({ length: Math.min(lanes, queue.length) }, async () => {
          for (let projection = queue.shift(); projection && !isStopped; projection = queue.shift()) {
            const applied = await step(projection, isForced, reader);
            if (applied === null) isComplete = false;
            else if (applied >= batchSize) full.add(projection);
          }
        }),
      );
      // Registry order in every round, however the lanes finished.
      round = round.filter((projection) => full.has(projection));
      if (!isForced && round.length > 0 && performance.now() - startedAt > maxPassMs) {
        caughtUpHead = null;
        return true;
      }
    }
    // Every event up to `head` has now been offered to every projection.
    if (isComplete && !isStopped) caughtUpHead = head;
    return false;
  };

  const schedule = (isForced: boolean): Promise<void> => {
    if (isStopped) return current;
    if (isPassQueued && !isForced) return current;
    isPassQueued = true;
    current = current.then(async () => {
      const wait = isForced ? 0 : lastPassStartedAt + minGapMs - performance.now();
      if (wait > 0) await sleep(wait);
      isPassQueued = false;
      if (isStopped) return;
      lastPassStartedAt = performance.now();
      try {
        if (await pass(isForced)) void schedule(false);
      } catch (error) {
        log.error("projection.pass_failed", { error });
      }
    });
    return current;
  };
  const timer = setInterval(() => void schedule(false), intervalMs);
  timer.unref();

  return {
    nudge: () => void schedule(false),
    drain: async () => {
      await schedule(true);
    },
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
