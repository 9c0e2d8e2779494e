import type { EventResult } from "@chronicle/contracts";
import { appendEvents, findStoredContentHashes, quarantineEvents, recordIngestBatches, type NewEvent, type QuarantinedEvent, type Transaction } from "@chronicle/db";
import { checkOwnership } from "./check-ownership.ts";
import { rejectErasedLearners } from "./reject-erased-learners.ts";
import type { Candidate, PreparedBatch } from "./prepare-batch.ts";
import { rejectInto } from "./prepare-batch.ts";
import { summarizeResults } from "./summarize-results.ts";

/** One request's answer: a result per item, in the request's order. */
export type BatchResults = EventResult[];

/**
 * Another transaction stored one of this group's new ids between our look-up and our insert.
 * The verdicts and batch logs already written assumed otherwise, so the group is rolled back
 * and written again; the second look-up sees the other transaction's row.
 */
export class LogRaceError extends Error {
  constructor() {
    super("an id of this group was stored concurrently by another transaction; the group is written again");
  }
}

const alreadyStored = (id: string) => `An event with id '${id}' and different content is already stored; give every new event a new id.`;

/**
 * Writes a group of requests in the caller's transaction, as if they had been written one after
 * the other in arrival order: ownership, duplicate and conflict verdicts, quarantine and one
 * batch-log row per request. The events insert comes last, because it takes the log-position
 * lock that every event writer waits for until this transaction commits.
 */
export async function writeGroup(tx: Transaction, batches: readonly PreparedBatch[]): Promise<BatchResults[]> {
  const resultsOf = batches.map((batch) => batch.rejected.slice());
  const quarantine: QuarantinedEvent[] = batches.flatMap((batch) => batch.quarantine);
  const batchOf = new Map<Candidate, number>();
  const candidates: Candidate[] = [];
  batches.forEach((batch, b) => {
    for (const candidate of batch.candidates) {
      batchOf.set(candidate, b);
      candidates.push(candidate);
    }
  });
  const reject = (b: number, index: number, id: string, code: "id_conflict", message: string) =>
    rejectInto(batches[b]!, resultsOf[b]!, quarantine, index, id, code, message);

  const verdicts = await rejectErasedLearners(tx, candidates, await checkOwnership(tx, candidates));
  const owned: Candidate[] = [];
  candidates.forEach((candidate, i) => {
    const verdict = verdicts[i]!;
    if (verdict.ok) owned.push(candidate);
    else rejectInto(batches[batchOf.get(candidate)!]!, resultsOf[batchOf.get(candidate)!]!, quarantine, candidate.index, candidate.event.id, verdict.code, verdict.message);
  });

  const stored = await findStoredContentHashes(tx, [...new Set(owned.map((c) => c.event.id))]);
  // The first copy of a new id in arrival order is written; later requests see it as stored.
  const writtenById = new Map<string, Candidate>();
  const toAppend: Candidate[] = [];
  for (const c of owned) {
    const b = batchOf.get(c)!;
    const results = resultsOf[b]!;
    const storedHash = stored.get(c.event.id) ?? writtenById.get(c.event.id)?.hash;
    if (storedHash === undefined) {
      writtenById.set(c.event.id, c);
      toAppend.push(c);
      results[c.index] = { index: c.index, id: c.event.id, status: "accepted" };
    } else if (storedHash === c.hash) {
      results[c.index] = { index: c.index, id: c.event.id, status: "duplicate" };
    } else {
      reject(b, c.index, c.event.id, "id_conflict", alreadyStored(c.event.id));
    }
  }

  batches.forEach((batch, b) => {
    const results = resultsOf[b]!;
    for (const repeat of batch.repeats) {
      const first = results[repeat.first.index]!;
      if (repeat.hash !== repeat.first.hash) {
        reject(b, repeat.index, repeat.first.event.id, "id_conflict", `Event id '${repeat.first.event.id}' appears twice in this batch with different content.`);
      } else if (first.status === "rejected") {
        rejectInto(batch, results, quarantine, repeat.index, first.id, first.code!, first.message!, first.issues);
      } else {
        results[repeat.index] = { index: repeat.index, id: first.id, status: "duplicate" };
      }
    }
  });

  await quarantineEvents(tx, quarantine);
  const finishedAt = performance.now();
  await recordIngestBatches(
    tx,
    batches.map((batch, b) => {
      const summary = summarizeResults(resultsOf[b]!);
      return {
        batchId: batch.batchId,
        clientBatchId: batch.options.clientBatchId ?? null,
        userId: batch.options.submittedBy,
        endpoint: batch.options.endpoint,
        source: batch.options.source,
        clientVersion: batch.options.clientVersion ?? null,
        itemCount: batch.items.length,
        successCount: summary.accepted,
        duplicateCount: summary.duplicates,
        failureCount: summary.rejected,
        conflictCount: summary.conflicts,
        startTime: batch.startedAt.toISOString(),
        durationMs: Math.round(finishedAt - batch.started),
        status: summary.rejected === 0 ? "completed" : summary.accepted + summary.duplicates > 0 ? "partial" : "failed",
      };
    }),
  );

  // Formatted once per request, not once per event.
  const eventTsOf = batches.map((batch) => batch.startedAt.toISOString());
  const inserted = await appendEvents(
    tx,
    toAppend.map((c): NewEvent => {
      const b = batchOf.get(c)!;
      const batch = batches[b]!;
      return {
        id: c.event.id,
        event_version: c.event.event_version,
        event_type: c.event.event_type,
        family: c.event.family,
        event_ts: eventTsOf[b]!,
        client_ts: c.event.client_ts,
        seq: c.event.seq,
        session_id: c.event.session_id,
        user_id: c.userId,
        question_id: c.event.question_id,
        source: batch.options.source,
        payload_json: c.event.payload,
        content_hash: c.hash,
        batch_id: batch.batchId,
      };
    }),
  );
  if (inserted.size !== toAppend.length) throw new LogRaceError();
  return resultsOf;
}
