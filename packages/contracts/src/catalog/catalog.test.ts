import { describe, expect, it } from "vitest";
import { MAX_PAYLOAD_BYTES } from "../limits.ts";
import { validPayloads } from "../testing/index.ts";
import { payloadByteLength, validateClientEvent } from "../validate-event.ts";
import { eventCatalog, eventTypes, type EventType } from "./index.ts";

const sessionId = "0190a5c8-0000-7000-8000-000000000001";
const questionId = "0190a5c8-0000-7000-8000-000000000002";
let counter = 0;
function nextId(): string {
  counter += 1;
  return `0190a5c8-0000-7000-8000-${counter.toString(16).padStart(12, "0")}`;
}

function eventOf(type: string, payload: unknown, extra: Record<string, unknown> = {}) {
  const spec = Object.hasOwn(eventCatalog, type) ? eventCatalog[type as EventType] : undefined;
  return {
    id: nextId(),
    event_type: type,
    // The envelope defaults event_version to 1, so newer versions must be named.
    event_version: spec?.version ?? 1,
    ...(spec?.requiresQuestion === true ? { question_id: questionId } : {}),
    session_id: sessionId,
    payload,
    ...extra,
  };
}

/** A field of the payload whose value we can replace with something of the wrong type. */
function withWrongType(payload: Record<string, unknown>): Record<string, unknown> {
  const [key, value] = Object.entries(payload)[0] ?? ["never", null];
  return { ...payload, [key]: typeof value === "number" ? "not a number" : 12_345 };
}

describe("event catalog", () => {
  it.each(eventTypes)("accepts a valid %s payload", (type) => {
    const result = validateClientEvent(eventOf(type, validPayloads[type]));
    expect(result).toMatchObject({ ok: true, event: { event_type: type, family: eventCatalog[type].family } });
  });

  it.each(eventTypes)("rejects an unknown key in a %s payload", (type) => {
    const result = validateClientEvent(eventOf(type, { ...validPayloads[type], unexpected_key: 1 }));
    expect(result).toMatchObject({ ok: false, code: "invalid_payload" });
  });

  it.each(eventTypes.filter((type) => Object.keys(validPayloads[type]).length > 0))(
    "rejects a wrong-typed field in a %s payload",
    (type) => {
      const result = validateClientEvent(eventOf(type, withWrongType(validPayloads[type] as Record<string, unknown>)));
      expect(result).toMatchObject({ ok: false, code: "invalid_payload" });
    },
  );

  it("rejects an event type that is not in the catalog", () => {
    const result = validateClientEvent(eventOf("session_teleported", {}));
    expect(result).toMatchObject({ ok: false, code: "unknown_event_type" });
  });

  it("rejects a version the event type never had", () => {
    const result = validateClientEvent(eventOf("session_pause", {}, { event_version: 7 }));
    expect(result).toMatchObject({ ok: false, code: "unknown_event_version" });
  });

  it("rejects an event without an id as an invalid envelope", () => {
    const { id: _id, ...withoutId } = eventOf("session_pause", {});
    expect(validateClientEvent(withoutId)).toMatchObject({ ok: false, id: null, code: "invalid_envelope" });
  });

  it("rejects QUESTION_VIEWED without question_id", () => {
    const { question_id: _question, ...withoutQuestion } = eventOf("QUESTION_VIEWED", validPayloads.QUESTION_VIEWED);
    expect(validateClientEvent(withoutQuestion)).toMatchObject({ ok: false, code: "missing_question_id" });
  });
});

describe("payload size limit", () => {
  function searchPayloadOfBytes(bytes: number) {
    const base = { query: "", result_count: 0, search_type: "keyword" as const };
    return { ...base, query: "q".repeat(bytes - payloadByteLength(base)) };
  }

  it("accepts a payload of exactly 4096 bytes", () => {
    const payload = searchPayloadOfBytes(MAX_PAYLOAD_BYTES);
    expect(payloadByteLength(payload)).toBe(MAX_PAYLOAD_BYTES);
    expect(validateClientEvent(eventOf("search_performed", payload))).toMatchObject({ ok: true });
  });

  it("rejects a payload of 4097 bytes as payload_too_large", () => {
    const payload = searchPayloadOfBytes(MAX_PAYLOAD_BYTES + 1);
    expect(payloadByteLength(payload)).toBe(MAX_PAYLOAD_BYTES + 1);
    expect(validateClientEvent(eventOf("search_performed", payload))).toMatchObject({ ok: false, code: "payload_too_large" });
  });

  it("counts multi-byte characters as UTF-8 bytes", () => {
    const base = { query: "", result_count: 0, search_type: "keyword" as const };
    const payload = { ...base, query: "é".repeat((MAX_PAYLOAD_BYTES - payloadByteLength(base)) / 2 + 1) };
    expect(validateClientEvent(eventOf("search_performed", payload))).toMatchObject({ ok: false, code: "payload_too_large" });
  });
});
