import { describe, expect, it } from "vitest";
import { answerQuestionInput, gameBatchEvent, syncProgressData } from "../api/index.ts";
import { validateClientEvent } from "../validate-event.ts";
import { boundedTimestamp } from "./bounded-timestamp.ts";
import { identifier, label, timeZone, version } from "./string-shapes.ts";
import { findUnsafeInput, stringProblemOf, toWellFormedText } from "./well-formed.ts";

const event = (payload: unknown, extra: Record<string, unknown> = {}) => ({
  id: "0190a5c8-0000-7000-8000-0000000000e1",
  session_id: "0190a5c8-0000-7000-8000-0000000000e2",
  event_type: "search_performed",
  payload,
  ...extra,
});
const search = { query: "cells", result_count: 1, search_type: "keyword" };

describe("strings PostgreSQL cannot store", () => {
  it.each([
    ["a NUL in a free-text value", { ...search, query: "a\u0000b" }, "query"],
    ["an unpaired high surrogate", { ...search, query: "x\uD800" }, "query"],
    ["an unpaired low surrogate in a key", { ...search, ["k\uDC00"]: 1 }, "k\uFFFD"],
  ])("rejects %s with invalid_string and names where", (_name, payload, key) => {
    const result = validateClientEvent(event(payload));
    expect(result).toMatchObject({ ok: false, code: "invalid_string", id: "0190a5c8-0000-7000-8000-0000000000e1" });
    expect(result.ok ? "" : result.issues[0]?.path).toBe(`payload.${key}`);
  });

  it("rejects a __proto__ key instead of dropping it", () => {
    const raw = JSON.parse(`{"id":"0190a5c8-0000-7000-8000-0000000000e1","session_id":"0190a5c8-0000-7000-8000-0000000000e2","event_type":"search_performed","payload":{"query":"x","result_count":1,"search_type":"keyword","__proto__":{"polluted":true}}}`);
    expect(validateClientEvent(raw)).toMatchObject({ ok: false, code: "invalid_string", message: expect.stringContaining("__proto__") });
  });

  it("keeps a valid pair of surrogates (an emoji) as it is", () => {
    expect(validateClientEvent(event({ ...search, query: "cells 🧬" }))).toMatchObject({ ok: true, event: { payload: { query: "cells 🧬" } } });
  });

  it.each([
    ["a NUL after an unpaired surrogate", "\uD800a\u0000", "nul"],
    ["an unpaired high surrogate after a pair", "🧬\uD800", "lone_surrogate"],
    ["an unpaired low surrogate before a pair", "\uDC00🧬", "lone_surrogate"],
    ["two high surrogates and one low", "\uD800\uD800\uDC00", "lone_surrogate"],
    ["pairs only", "a🧬b🧬", null],
  ])("finds %s", (_name, text, problem) => {
    expect(stringProblemOf(text)).toBe(problem);
  });

  it("names the dotted path of a value deep inside arrays and objects", () => {
    expect(findUnsafeInput({ a: ["ok", { b: "x\u0000" }], c: 1 })).toMatchObject({ path: "a.1.b", problem: "nul" });
  });

  it("makes a copy well-formed: NUL dropped, lone halves replaced", () => {
    expect(toWellFormedText("a\u0000b\uD800c🧬")).toBe("ab\uFFFDc🧬");
    expect(findUnsafeInput({ a: [1, { b: "ok" }] })).toBeNull();
  });
});

describe("timestamp range", () => {
  it.each(["0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2100-01-01T00:00:00Z", "9999-12-31T23:59:59+01:00"])("refuses %s", (ts) => {
    expect(boundedTimestamp().safeParse(ts).success).toBe(false);
    expect(validateClientEvent(event(search, { client_ts: ts }))).toMatchObject({ ok: false, code: "invalid_envelope" });
  });

  it.each(["1970-01-01T00:00:00Z", "2026-12-01T10:00:00+05:30", "2099-12-31T23:59:59.999Z"])("accepts %s", (ts) => {
    expect(boundedTimestamp().safeParse(ts).success).toBe(true);
  });

  it("bounds a game event's timestamp and a sync progress time", () => {
    const game = { event_id: "0190a5c8-0000-7000-8000-0000000000e3", student_id: "0190a5c8-0000-7000-8000-0000000000e4", event_type: "retry", data: {}, session_id: "0190a5c8-0000-7000-8000-0000000000e5" };
    expect(gameBatchEvent.safeParse({ ...game, timestamp: "0000-01-01T00:00:00Z" }).success).toBe(false);
    expect(syncProgressData.safeParse({ entityType: "topic", entityId: "t-1", progress: 1, updatedAt: "2200-01-01T00:00:00Z" }).success).toBe(false);
  });
});

describe("integer inputs fit their int4 columns", () => {
  it("refuses sessions.answer with position 2147483648", () => {
    const input = { sessionId: "0190a5c8-0000-7000-8000-0000000000e6", action: "mark", marked: true, position: 2_147_483_648 };
    expect(answerQuestionInput.safeParse(input).success).toBe(false);
    expect(answerQuestionInput.safeParse({ ...input, position: 500 }).success).toBe(true);
  });

  it("refuses an event_version beyond 1000", () => {
    expect(validateClientEvent(event(search, { event_version: 2_147_483_648 }))).toMatchObject({ ok: false, code: "invalid_envelope" });
  });
});

describe("shaped strings", () => {
  const planted = ["ana.lopez@school.edu", "+34 612 345 678", "612-345-678", "192.168.1.20", "4485223199"];

  it.each(planted)("an identifier, a label and a version refuse %s", (value) => {
    expect(identifier().safeParse(value).success).toBe(false);
    expect(label().safeParse(value).success).toBe(false);
    expect(version().safeParse(value).success).toBe(false);
  });

  it.each(["help_friend", "mission-alpha", "task-1", "12345", "batch_xyz789", `sync-0190a5c8-1234-7567-8901-234567890123`])("an identifier accepts %s", (value) => {
    expect(identifier().safeParse(value).success).toBe(true);
  });

  it("a label accepts short phrases", () => {
    expect(label().safeParse("system design").success).toBe(true);
    expect(label().safeParse("river crossing").success).toBe(true);
  });

  it("a time zone comes from the runtime's list", () => {
    expect(timeZone().safeParse("Europe/Madrid").success).toBe(true);
    expect(timeZone().safeParse("UTC").success).toBe(true);
    expect(timeZone().safeParse("ana@school.edu").success).toBe(false);
    expect(timeZone().safeParse("Mars/Olympus").success).toBe(false);
  });
});
