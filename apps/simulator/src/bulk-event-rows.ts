import { eventCatalog, validateClientEvent, type EventSource, type EventValidation } from "@chronicle/contracts";
import type { NewEvent } from "@chronicle/db";
import { createHash, randomUUID } from "node:crypto";
import type { ServerEvent } from "@chronicle/api/emit/emit-server-events.ts";
import { canonicalJson, contentHash } from "@chronicle/api/ingest/content-hash.ts";

/** How a loaded event reached Chronicle, as the ingest pipeline would have recorded it. */
export interface Arrival {
  eventTs: string;
  batchId: string;
  source: EventSource | null;
}

/**
 * The log row the ingest pipeline writes for a producer's event that passed validation.
 * A fixture that fails the contract is a bug in the loader, so it throws.
 */
export function acceptedEventRow(validation: EventValidation, userId: string, arrival: Arrival): NewEvent {
  if (!validation.ok) {
    const issue = validation.issues[0];
    const where = issue ? ` at ${JSON.stringify(issue)}` : "";
    throw new Error(`The bulk loader built an invalid event (${validation.code}: ${validation.message}${where}).`);
  }
  const { event } = validation;
  return {
    id: event.id,
    event_version: event.event_version,
    event_type: event.event_type,
    family: event.family,
    event_ts: arrival.eventTs,
    client_ts: event.client_ts,
    seq: event.seq,
    session_id: event.session_id,
    user_id: userId,
    question_id: event.question_id,
    source: arrival.source,
    payload_json: event.payload,
    content_hash: contentHash(event, userId),
    batch_id: arrival.batchId,
  };
}

export function clientEventRow(raw: unknown, userId: string, arrival: Arrival): NewEvent {
  return acceptedEventRow(validateClientEvent(raw), userId, arrival);
}

/** The row emitServerEvents writes for an authoritative server event, with the same id and hash rules. */
export function serverEventRow(event: ServerEvent, at: string): NewEvent {
  const spec = eventCatalog[event.type];
  const payload = spec.payload.parse(event.payload) as Record<string, unknown>;
  const content = { event_type: event.type, session_id: event.sessionId, user_id: event.userId, question_id: event.questionId ?? null, payload };
  return {
    id: event.id ?? randomUUID(),
    event_version: spec.version,
    event_type: event.type,
    family: spec.family,
    event_ts: at,
    client_ts: null,
    seq: null,
    session_id: event.sessionId,
    user_id: event.userId,
    question_id: event.questionId ?? null,
    source: "api",
    payload_json: payload,
    content_hash: createHash("sha256").update(canonicalJson(content)).digest("hex"),
    batch_id: null,
  };
}
