import type { Context } from "../context.ts";
import type { IngestDeps } from "./ingest-events.ts";

export function ingestDepsOf(ctx: Context): IngestDeps {
  return {
    db: ctx.db,
    log: ctx.log,
    now: ctx.now,
    retryAfterSeconds: ctx.env.CHRONICLE_RETRY_AFTER_SECONDS,
    onStored: () => ctx.projections.nudge(),
    groupCommit: {
      waitMs: ctx.env.CHRONICLE_INGEST_GROUP_WAIT_MS,
      maxEvents: ctx.env.CHRONICLE_INGEST_GROUP_MAX_EVENTS,
      maxQueuedEvents: ctx.env.CHRONICLE_INGEST_QUEUE_MAX_EVENTS,
    },
  };
}
