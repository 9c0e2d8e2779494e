import type { Database } from "@chronicle/db";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../observability/logger.ts";
import { readLogHead } from "./log-head.ts";
import type { Projection } from "./projection.ts";
import { runProjectionOnce } from "./run-projection.ts";

export interface ProjectionRunner {
  /** Asks for a pass soon (after an ingest) instead of waiting for the next tick. */
  nudge(): void;
  /** Resolves when every projection has caught up with what is committed now. */
  drain(): Promise<void>;
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
}

/**
 * Keeps hot aggregates current: a pass runs every `intervalMs` and soon after a nudge,
 * applying each projection until it is caught up. A pass is skipped when the log head
 * has not moved since the last complete pass. Failures are logged and retried on the
 * next pass; they never reach the request that caused them.
 */
export function startProjectionRunner(
  db: Database,
  projections: readonly Projection[],
  log: Logger,
  options: ProjectionRunnerOptions | number = {},
): ProjectionRunner {
  const { intervalMs = 250, minGapMs = 150 } = typeof options === "number" ? { intervalMs: options } : options;
  let isStopped = false;
  let current: Promise<void> = Promise.resolve();
  let isPassQueued = false;
  let lastPassStartedAt = 0;
  let caughtUpHead: string | null = null;

  const pass = async (isForced: boolean) => {
    const { txId, ingestSeq } = await readLogHead(db.orm);
    const head = `${txId}:${ingestSeq}`;
    if (!isForced && head === caughtUpHead) return;
    let isComplete = true;
    for (const projection of projections) {
      try {
        while (!isStopped && (await runProjectionOnce(db, projection)) > 0);
      } catch (error) {
        isComplete = false;
        log.error("projection.failed", { projection: projection.name, error });
      }
    }
    // Every event up to `head` has now been offered to every projection.
    if (isComplete && !isStopped) caughtUpHead = head;
  };

  const schedule = (isForced: boolean) => {
    if (isStopped) return current;
    if (isPassQueued && !isForced) return current;
    isPassQueued = true;
    current = current.then(async () => {
      const wait = isForced ? 0 : lastPassStartedAt + minGapMs - Date.now();
      if (wait > 0) await sleep(wait);
      isPassQueued = false;
      lastPassStartedAt = Date.now();
      try {
        await pass(isForced);
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
