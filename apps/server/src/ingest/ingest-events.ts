import {
  eventCatalog,
  type Emitter,
  type EventFamily,
  type EventIssue,
  type EventResult,
  type EventSource,
  type EventValidation,
  type RejectionCode,
  type ValidEvent,
} from "@chronicle/contracts";
import {
  appendEvents,
  findStoredContentHashes,
  quarantineEvents,
  recordIngestBatch,
  type Database,
  type IngestEndpoint,
  type NewEvent,
  type QuarantinedEvent,
} from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { ReasonedError } from "../errors/reasoned-error.ts";
import type { Logger } from "../observability/logger.ts";
import { recordStoreFailure } from "../observability/ingest-metrics.ts";
import { checkOwnership } from "./check-ownership.ts";
import { contentHash } from "./content-hash.ts";
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
}

export interface IngestOutcome extends IngestSummary {
  batchId: string;
  results: EventResult[];
}

interface Candidate {
  index: number;
  event: ValidEvent;
  userId: string;
  hash: string;
}

function rawEventType(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null || !("event_type" in raw)) return null;
  return typeof raw.event_type === "string" ? raw.event_type.slice(0, 64) : null;
}

/**
 * The ingest pipeline after validation: ownership, append, duplicate/conflict detection,
 * quarantine and the batch log, all in one transaction so a batch is never half-written.
 */
export async function ingestEvents(deps: IngestDeps, items: readonly IngestItem[], options: IngestOptions): Promise<IngestOutcome> {
  const batchId = randomUUID();
  const startedAt = deps.now();
  const started = performance.now();
  const results: EventResult[] = new Array(items.length);
  const quarantine: QuarantinedEvent[] = [];

  const reject = (index: number, id: string | null, code: RejectionCode, message: string, issues: EventIssue[] = []) => {
    const item = items[index]!;
    results[index] = { index, id, status: "rejected", code, message, issues };
    quarantine.push({
      batch_id: batchId,
      user_id: item.userId,
      event_id: id,
      event_type: rawEventType(item.raw),
      code,
      message,
      issues,
      raw_json: item.raw ?? null,
    });
  };

  const candidates: Candidate[] = [];
  const firstIndexById = new Map<string, Candidate>();
  const repeatsInBatch: { index: number; first: Candidate; hash: string }[] = [];
  items.forEach((item, index) => {
    const { validation } = item;
    if (!validation.ok) return reject(index, validation.id, validation.code, validation.message, validation.issues);
    const { event } = validation;
    if (item.userId === null) return reject(index, event.id, "invalid_envelope", "The event names no valid learner id.");
    if (!eventCatalog[event.event_type].emitters.includes(options.emitter)) {
      return reject(index, event.id, "emitter_not_allowed", `${event.event_type} is emitted by Chronicle's server; a ${options.emitter} cannot send it.`);
    }
    if (options.allowedFamilies && !options.allowedFamilies.has(event.family)) {
      return reject(index, event.id, "scope_denied", `This token may not write ${event.family} events such as ${event.event_type}.`);
    }
    const userId = item.userId;
    const hash = contentHash(event, userId);
    const first = firstIndexById.get(event.id);
    if (first) return void repeatsInBatch.push({ index, first, hash });
    const candidate = { index, event, userId, hash };
    firstIndexById.set(event.id, candidate);
    candidates.push(candidate);
  });

  try {
    await deps.db.transaction(async (tx) => {
      const verdicts = await checkOwnership(tx, candidates);
      const owned = candidates.filter((candidate, i) => {
        const verdict = verdicts[i]!;
        if (!verdict.ok) reject(candidate.index, candidate.event.id, verdict.code, verdict.message);
        return verdict.ok;
      });

      const eventTs = startedAt.toISOString();
      const inserted = await appendEvents(tx, owned.map((c): NewEvent => ({
        id: c.event.id,
        event_version: c.event.event_version,
        event_type: c.event.event_type,
        family: c.event.family,
        event_ts: eventTs,
        client_ts: c.event.client_ts,
        seq: c.event.seq,
        session_id: c.event.session_id,
        user_id: c.userId,
        question_id: c.event.question_id,
        source: options.source,
        payload_json: c.event.payload,
        content_hash: c.hash,
        batch_id: batchId,
      })));
      const stored = await findStoredContentHashes(tx, owned.filter((c) => !inserted.has(c.event.id)).map((c) => c.event.id));
      for (const c of owned) {
        if (inserted.has(c.event.id) || stored.get(c.event.id) === c.hash) {
          results[c.index] = { index: c.index, id: c.event.id, status: inserted.has(c.event.id) ? "accepted" : "duplicate" };
        } else {
          reject(c.index, c.event.id, "id_conflict", `An event with id '${c.event.id}' and different content is already stored; give every new event a new id.`);
        }
      }

      // A repeat inside one batch shares the fate of its first copy, or conflicts with it.
      for (const repeat of repeatsInBatch) {
        const first = results[repeat.first.index]!;
        if (repeat.hash !== repeat.first.hash) {
          reject(repeat.index, repeat.first.event.id, "id_conflict", `Event id '${repeat.first.event.id}' appears twice in this batch with different content.`);
        } else if (first.status === "rejected") {
          reject(repeat.index, first.id, first.code!, first.message!, first.issues);
        } else {
          results[repeat.index] = { index: repeat.index, id: first.id, status: "duplicate" };
        }
      }

      await quarantineEvents(tx, quarantine);
      const summary = summarizeResults(results);
      await recordIngestBatch(tx, {
        batchId,
        clientBatchId: options.clientBatchId ?? null,
        userId: options.submittedBy,
        endpoint: options.endpoint,
        source: options.source,
        clientVersion: options.clientVersion ?? null,
        itemCount: items.length,
        successCount: summary.accepted,
        duplicateCount: summary.duplicates,
        failureCount: summary.rejected,
        conflictCount: summary.conflicts,
        startTime: startedAt.toISOString(),
        durationMs: Math.round(performance.now() - started),
        status: summary.rejected === 0 ? "completed" : summary.accepted + summary.duplicates > 0 ? "partial" : "failed",
      });
    });
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
      cause: new ReasonedError("store_unavailable", "the event store failed"),
    });
  }

  deps.onStored?.();
  return { batchId, results, ...summarizeResults(results) };
}
