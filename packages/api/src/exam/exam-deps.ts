import type { Database } from "@chronicle/db";
import type { ServerDeps } from "../context.ts";
import type { Logger } from "../observability/logger.ts";

/** What the exam services need: the database, a clock, a logger, and a way to wake the projections. */
export interface ExamDeps {
  db: Database;
  log: Logger;
  now: () => Date;
  /** Called after server events are stored, so the aggregates catch up within about a second. */
  onStored?: () => void;
  /** What a refused submit tells the learner to wait before trying again. */
  retryAfterSeconds?: number;
}

export function examDepsOf(deps: ServerDeps): ExamDeps {
  return { db: deps.db, log: deps.log, now: deps.now, onStored: () => deps.projections.nudge(), retryAfterSeconds: deps.env.CHRONICLE_RETRY_AFTER_SECONDS };
}
