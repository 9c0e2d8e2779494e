import { eventCatalog, type Emitter, type EventIssue, type EventResult, type RejectionCode, type ValidEvent } from "@chronicle/contracts";
import type { QuarantinedEvent } from "@chronicle/db";
import { contentHash } from "./content-hash.ts";
import type { IngestItem, IngestOptions } from "./ingest-events.ts";

/** An event that passed the contract and the caller's rights, waiting for the log. */
export interface Candidate {
  index: number;
  event: ValidEvent;
  userId: string;
  hash: string;
}

/** A second copy of an id inside the same request: it shares its first copy's fate, or conflicts with it. */
export interface Repeat {
  index: number;
  first: Candidate;
  hash: string;
}

/**
 * One request's events after everything that needs no database: contract verdicts, rights,
 * content hashes and repeats inside the request. The rejections found so far are kept apart
 * (`rejected`, `quarantine`) so that a group can be written again from scratch.
 */
export interface PreparedBatch {
  batchId: string;
  startedAt: Date;
  /** performance.now() when the request began, for the batch log's duration. */
  started: number;
  items: readonly IngestItem[];
  options: IngestOptions;
  candidates: Candidate[];
  repeats: Repeat[];
  /** Results known before the database, by item index (a sparse array). */
  rejected: readonly EventResult[];
  quarantine: readonly QuarantinedEvent[];
}

function rawEventType(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null || !("event_type" in raw)) return null;
  return typeof raw.event_type === "string" ? raw.event_type.slice(0, 64) : null;
}

/** Records a rejection: the result the client sees and the quarantine row that keeps what it sent. */
export function rejectInto(
  batch: Pick<PreparedBatch, "batchId" | "items">,
  results: EventResult[],
  quarantine: QuarantinedEvent[],
  index: number,
  id: string | null,
  code: RejectionCode,
  message: string,
  issues: EventIssue[] = [],
): void {
  const item = batch.items[index]!;
  results[index] = { index, id, status: "rejected", code, message, issues };
  quarantine.push({
    batch_id: batch.batchId,
    user_id: item.userId,
    event_id: id,
    event_type: rawEventType(item.raw),
    code,
    message,
    issues,
    raw_json: item.raw ?? null,
  });
}

/** The sender may emit the event; a service acting for its learners may also send what their clients may. */
function mayEmit(emitters: readonly Emitter[], options: IngestOptions): boolean {
  return emitters.includes(options.emitter) || (options.onBehalfOfLearners === true && emitters.includes("client"));
}

export function prepareBatch(batchId: string, startedAt: Date, started: number, items: readonly IngestItem[], options: IngestOptions): PreparedBatch {
  const rejected: EventResult[] = new Array(items.length);
  const quarantine: QuarantinedEvent[] = [];
  const batch = { batchId, items };
  const candidates: Candidate[] = [];
  const firstById = new Map<string, Candidate>();
  const repeats: Repeat[] = [];
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index]!;
    const { validation } = item;
    if (!validation.ok) {
      rejectInto(batch, rejected, quarantine, index, validation.id, validation.code, validation.message, validation.issues);
      continue;
    }
    const { event } = validation;
    if (item.userId === null) {
      rejectInto(batch, rejected, quarantine, index, event.id, "invalid_envelope", "The event names no valid learner id.");
    } else if (!mayEmit(eventCatalog[event.event_type].emitters, options)) {
      rejectInto(batch, rejected, quarantine, index, event.id, "emitter_not_allowed", `${event.event_type} is emitted by Chronicle's server; a ${options.emitter} cannot send it.`);
    } else if (options.allowedFamilies && !options.allowedFamilies.has(event.family)) {
      rejectInto(batch, rejected, quarantine, index, event.id, "scope_denied", `This token may not write ${event.family} events such as ${event.event_type}.`);
    } else {
      const hash = contentHash(event, item.userId);
      const first = firstById.get(event.id);
      if (first) {
        repeats.push({ index, first, hash });
      } else {
        const candidate = { index, event, userId: item.userId, hash };
        firstById.set(event.id, candidate);
        candidates.push(candidate);
      }
    }
  }
  return { batchId, startedAt, started, items, options, candidates, repeats, rejected, quarantine };
}
