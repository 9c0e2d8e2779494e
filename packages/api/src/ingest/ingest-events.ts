import type { Emitter, EventFamily, EventResult, EventSource, EventValidation } from "@chronicle/contracts";
import type { Database, IngestEndpoint } from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { ReasonedError } from "../errors/reasoned-error.ts";
import type { Logger } from "../observability/logger.ts";
import { observeIngestBatch, recordStoreFailure } from "../observability/ingest-metrics.ts";
import { groupCommitterFor, type GroupCommitOptions } from "./group-commit.ts";
import { prepareBatch } from "./prepare-batch.ts";
import { summarizeResults, type IngestSummary } from "./summarize-results.ts";

/** One event of a request: what was sent, who it is attributed to, and its contract check. */
export interface IngestItem {
  raw: unknown;
  /** Null only when the producer's own learner id was unreadable (the event is then rejected). */
  userId: string | null;
  validation: EventValidation;
}

export interface IngestOptions {
  endpoint: IngestEndpoint;
  source: EventSource | null;
  /** The token's subject: the learner, or the service that sent the batch. */
  submittedBy: string;
  clientBatchId?: string;
  clientVersion?: string;
  /** Who is sending: server-only events (SESSION_SUBMITTED, xp_earned…) are refused from anyone else. */
  emitter: Exclude<Emitter, "server">;
  /** A service sending on its learners' behalf (telemetry.ingestForLearners) may also send what their clients may. */
  onBehalfOfLearners?: boolean;
  /** Families this caller may write; every other family is refused with scope_denied. */
  allowedFamilies?: ReadonlySet<EventFamily>;
}

export interface IngestDeps {
  db: Database;
  /** Called after a batch is stored so projections pick it up without waiting for their tick. */
  onStored?: () => void;
  log: Logger;
  now: () => Date;
  retryAfterSeconds: number;
  /** How this process gathers concurrent requests into one transaction (see group-commit.ts). */
  groupCommit?: GroupCommitOptions;
}

/** For callers outside a request (tests, tools): no lingering, groups of up to 1000 events. */
export const defaultGroupCommit: GroupCommitOptions = { waitMs: 0, maxEvents: 1000, maxQueuedEvents: 10_000 };

export interface IngestOutcome extends IngestSummary {
  batchId: string;
  results: EventResult[];
}

/**
 * The ingest pipeline after validation: ownership, append, duplicate/conflict detection,
 * quarantine and the batch log. The request joins its process's group commit: it is written
 * in one transaction with the requests that arrive at the same time, never half-written, and
 * answered only after that transaction has committed.
 */
export async function ingestEvents(deps: IngestDeps, items: readonly IngestItem[], options: IngestOptions): Promise<IngestOutcome> {
  const batchId = randomUUID();
  const startedAt = deps.now();
  const started = performance.now();
  const batch = prepareBatch(batchId, startedAt, started, items, options);
  let results: EventResult[];
  try {
    results = await groupCommitterFor(deps.db, deps.groupCommit ?? defaultGroupCommit).submit(batch);
  } catch (error) {
    deps.log.error("telemetry.store_failed", {
      batchId,
      endpoint: options.endpoint,
      submittedBy: options.submittedBy,
      events: items.length,
      error,
    });
    recordStoreFailure(deps.db, { batchId, endpoint: options.endpoint, eventCount: items.length, failedAt: startedAt.toISOString() });
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: `Chronicle could not store this batch; nothing was written, send it again in ${deps.retryAfterSeconds} seconds.`,
      cause: new ReasonedError("store_unavailable", "the event store failed", { cause: error }),
    });
  }

  deps.onStored?.();
  observeIngestBatch(options.endpoint, items, results, performance.now() - started);
  return { batchId, results, ...summarizeResults(results) };
}
