import { z } from "zod";
import { eventCatalog, isEventType, type EventFamily, type EventType } from "./catalog/index.ts";
import { clientEventEnvelope, type ClientEventEnvelope } from "./envelope.ts";
import { MAX_PAYLOAD_BYTES } from "./limits.ts";
import { toEventIssues, type EventIssue, type RejectionCode } from "./rejections.ts";
import { findUnsafeInput, type UnsafeInput } from "./shapes/well-formed.ts";

/** An event whose envelope and payload passed the contract; ownership is checked later, on the server. */
export interface ValidEvent {
  id: string;
  event_type: EventType;
  event_version: number;
  family: EventFamily;
  client_ts: string | null;
  seq: number | null;
  session_id: string;
  question_id: string | null;
  /** Parsed payload in the version it was sent, free text already scrubbed. */
  payload: Record<string, unknown>;
  requiresQuestion: boolean;
}

export type EventValidation =
  | { ok: true; event: ValidEvent }
  | { ok: false; id: string | null; code: RejectionCode; message: string; issues: EventIssue[] };

const encoder = new TextEncoder();

export function payloadByteLength(payload: unknown): number {
  return encoder.encode(JSON.stringify(payload)).byteLength;
}

// Built once: constructing a zod schema costs more than the check itself.
const uuid = z.uuid();

/**
 * The payload's size when it exceeds MAX_PAYLOAD_BYTES, else null. A UTF-16 code unit is at
 * most 3 bytes of UTF-8, so JSON no longer than a third of the limit is not encoded at all.
 */
function payloadBytesIfOverLimit(payload: unknown): number | null {
  const json = JSON.stringify(payload);
  if (json.length * 3 <= MAX_PAYLOAD_BYTES) return null;
  const bytes = encoder.encode(json).byteLength;
  return bytes > MAX_PAYLOAD_BYTES ? bytes : null;
}

function rawId(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null || !("id" in raw)) return null;
  const id = uuid.safeParse(raw.id);
  return id.success ? id.data : null;
}

/**
 * Checks one raw event against envelope v1, the catalog, the size limit and its payload schema.
 * A rejection carries the event's id if it is a UUID; it is read from the raw event only for a
 * rejection, since an event that passes the envelope has a checked id.
 */
export function validateClientEvent(raw: unknown): EventValidation {
  const unsafe = findUnsafeInput(raw);
  return unsafe ? unsafeInputRejection(unsafe, rawId(raw)) : validateScannedClientEvent(raw);
}

/**
 * validateClientEvent for an event whose every string and key rejectUnsafeInput has already
 * passed, such as one built from a scanned game-batch event: the scan, a walk of the whole
 * event, is not repeated.
 */
export function validateScannedClientEvent(raw: unknown): EventValidation {
  const envelope = clientEventEnvelope.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, id: rawId(raw), code: "invalid_envelope", message: "The event does not match envelope v1.", issues: toEventIssues(envelope.error) };
  }
  return validateEnvelopedEvent(envelope.data);
}

/**
 * The checks after envelope v1: catalog, version, size, payload schema and question. Called
 * directly for an event built only from values already checked with the envelope's own shapes
 * (a game-batch event), which clientEventEnvelope would pass unchanged: its parse is skipped.
 */
export function validateEnvelopedEvent(event: ClientEventEnvelope): EventValidation {
  const { id } = event;
  if (!isEventType(event.event_type)) {
    return { ok: false, id, code: "unknown_event_type", message: `Event type '${event.event_type}' is not in the catalog.`, issues: [] };
  }
  const spec = eventCatalog[event.event_type];
  const schema = event.event_version === spec.version ? spec.payload : spec.previous?.[event.event_version]?.payload;
  if (!schema) {
    return {
      ok: false,
      id,
      code: "unknown_event_version",
      message: `Event type '${event.event_type}' has no version ${event.event_version}; the newest is ${spec.version}.`,
      issues: [],
    };
  }
  const bytes = payloadBytesIfOverLimit(event.payload);
  if (bytes !== null) {
    return {
      ok: false,
      id,
      code: "payload_too_large",
      message: `The payload is ${bytes} bytes; the limit is ${MAX_PAYLOAD_BYTES} bytes of UTF-8 JSON.`,
      issues: [],
    };
  }
  const payload = schema.safeParse(event.payload);
  if (!payload.success) {
    return {
      ok: false,
      id,
      code: "invalid_payload",
      message: `The payload does not match ${event.event_type} v${event.event_version}.`,
      issues: toEventIssues(payload.error),
    };
  }
  const requiresQuestion = spec.requiresQuestion === true;
  if (requiresQuestion && !event.question_id) {
    return { ok: false, id, code: "missing_question_id", message: `${event.event_type} needs question_id.`, issues: [] };
  }
  return {
    ok: true,
    event: {
      id: event.id,
      event_type: event.event_type,
      event_version: event.event_version,
      family: spec.family,
      client_ts: event.client_ts ?? null,
      seq: event.seq ?? null,
      session_id: event.session_id,
      question_id: event.question_id ?? null,
      payload: payload.data as Record<string, unknown>,
      requiresQuestion,
    },
  };
}

/**
 * Refuses, with its own code, an event holding a string PostgreSQL cannot store (NUL, an
 * unpaired surrogate) or a `__proto__` key, which any object copy would silently drop.
 */
export function rejectUnsafeInput(raw: unknown, id: string | null): Extract<EventValidation, { ok: false }> | null {
  const unsafe = findUnsafeInput(raw);
  return unsafe ? unsafeInputRejection(unsafe, id) : null;
}

function unsafeInputRejection(unsafe: UnsafeInput, id: string | null): Extract<EventValidation, { ok: false }> {
  return {
    ok: false,
    id,
    code: "invalid_string",
    message: `The event's ${unsafe.path} ${unsafe.message}.`,
    issues: [{ path: unsafe.path, message: unsafe.message }],
  };
}
