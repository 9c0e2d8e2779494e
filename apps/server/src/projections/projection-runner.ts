import type { Database } from "@chronicle/db";
import type { Logger } from "../observability/logger.ts";
import type { Projection } from "./projection.ts";
import { runProjectionOnce } from "./run-projection.ts";

export interface ProjectionRunner {
  /** Asks for a pass soon (after an ingest) instead of waiting for the next tick. */
  nudge(): void;
  /** Resolves when every projection has caught up with what is committed now. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps hot aggregates current: a pass runs every `intervalMs` and right after a
 * nudge, applying each projection until it is caught up. Failures are logged and
 * retried on the next pass; they never reach the request that caused them.
 */
export function startProjectionRunner(db: Database, projections: readonly Projection[], log: Logger, intervalMs = 250): ProjectionRunner {
  let isStopped = false;
  let current: Promise<void> = Promise.resolve();
  let isPassQueued = false;

  const pass = async () => {
    for (const projection of projections) {
      try {
        while (!isStopped && (await runProjectionOnce(db, projection)) > 0);
      } catch (error) {
        log.error("projection.failed", { projection: projection.name, error });
      }
    }
  };
  const schedule = () => {
    if (isPassQueued || isStopped) return current;
    isPassQueued = true;
    current = current.then(async () => {
      isPassQueued = false;
      await pass();
    });
    return current;
  };
  const timer = setInterval(() => void schedule(), intervalMs);
  timer.unref();

  return {
    nudge: () => void schedule(),
    drain: async () => {
      await schedule();
    },
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
