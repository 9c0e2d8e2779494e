import {
  eventCatalog,
  gameBatchEvent,
  hasEnvelopeFieldNames,
  isEventType,
  rejectUnsafeInput,
  toEventIssues,
  validateEnvelopedEvent,
  validateScannedClientEvent,
  type ClientEventEnvelope,
  type EventValidation,
} from "@chronicle/contracts";

export interface MappedGameEvent {
  studentId: string | null;
  validation: EventValidation;
}

/**
 * Maps one seed-003 event onto envelope v1: event_id → id, timestamp → client_ts,
 * data (+ mission_id, game_version) → payload. The student comes from the body because
 * the caller is a game server acting for its players, within its token's scope.
 */
export function gameBatchEventToEnvelope(raw: unknown, clientVersion: string): MappedGameEvent {
  const unsafe = rejectUnsafeInput(raw, null);
  if (unsafe) return { studentId: null, validation: unsafe };
  const parsed = gameBatchEvent.safeParse(raw);
  if (!parsed.success) {
    const id = typeof raw === "object" && raw !== null && "event_id" in raw && typeof raw.event_id === "string" ? raw.event_id : null;
    return {
      studentId: null,
      validation: {
        ok: false,
        id: id && /^[0-9a-f-]{36}$/i.test(id) ? id : null,
        code: "invalid_envelope",
        message: "The event does not match seed 003's event shape.",
        issues: toEventIssues(parsed.error),
      },
    };
  }
  const event = parsed.data;
  if (isEventType(event.event_type) && eventCatalog[event.event_type].family !== "game") {
    const family = eventCatalog[event.event_type].family;
    return {
      studentId: event.student_id,
      validation: { ok: false, id: event.event_id, code: "scope_denied", message: `Game batches may only carry game events; ${event.event_type} is a ${family} event.`, issues: [] },
    };
  }
  const payload: Record<string, unknown> = { ...event.data, game_version: event.game_version ?? event.data.game_version ?? clientVersion };
  if (event.mission_id !== undefined) payload.mission_id = event.mission_id;
  const envelope: ClientEventEnvelope = {
    id: event.event_id,
    event_type: event.event_type,
    event_version: 1,
    client_ts: event.timestamp,
    session_id: event.session_id,
    payload,
  };
  // Every string here was scanned in `raw` above, except client_version, which version() allows
  // only ASCII. gameBatchEvent checked each envelope field with the envelope's own shapes; only a
  // payload key may still be one envelope v1 refuses, and then the envelope is parsed, for the same verdict.
  return {
    studentId: event.student_id,
    validation: hasEnvelopeFieldNames(payload) ? validateEnvelopedEvent(envelope) : validateScannedClientEvent(envelope),
  };
}
