import type { ValidEvent } from "@chronicle/contracts";
import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash } from "./content-hash.ts";

const userId = "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c06";
const base = {
  id: "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c01",
  event_type: "material_read",
  event_version: 1,
  family: "study",
  session_id: "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c02",
  question_id: null,
  client_ts: "2025-11-13T12:00:30.000+01:00",
  seq: 7,
  requiresQuestion: false,
  payload: { b: 1, a: [3, { z: null, y: 'é\u2028"q"' }], ä: true, c: -0.5e-7 },
} as unknown as ValidEvent;

describe("content hash", () => {
  // These values were stored by the first implementation. A resend of an event already in the
  // log must hash the same, or it would come back as an id conflict instead of a duplicate.
  it("hashes exactly as the events already stored were hashed", () => {
    expect(contentHash(base, userId)).toBe("fcd3ed8b72d82c3c9dce796a2809270699a9317c09c74c35b5276c13d8f1bfff");
    const exam = {
      ...base,
      id: "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c03",
      event_type: "QUESTION_VIEWED",
      event_version: 2,
      family: "exam",
      session_id: "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c04",
      question_id: "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c05",
      client_ts: null,
      seq: null,
      payload: { position: 3, skip: undefined, nested: { k10: 1, k2: [], k1: {} } },
    } as unknown as ValidEvent;
    expect(contentHash(exam, userId)).toBe("bb2e4c5f27780351d6d2fe59bc4a4c1ecda1893f276a228cad077cbd43b3e470");
  });

  it("ignores key order and the client's time zone, but not content", () => {
    const reordered = { ...base, client_ts: "2025-11-13T11:00:30Z", payload: { c: -0.5e-7, ä: true, a: [3, { y: 'é\u2028"q"', z: null }], b: 1 } } as ValidEvent;
    expect(contentHash(reordered, userId)).toBe(contentHash(base, userId));
    expect(contentHash({ ...base, payload: { ...base.payload, b: 2 } }, userId)).not.toBe(contentHash(base, userId));
    expect(contentHash(base, "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c07")).not.toBe(contentHash(base, userId));
    expect(contentHash({ ...base, client_ts: "2025-11-13T11:00:31Z" }, userId)).not.toBe(contentHash(base, userId));
  });

  it("writes sorted JSON, leaving out undefined members", () => {
    expect(canonicalJson({ b: [1, undefined, null, "x"], a: { d: 1e21, c: 1.5, e: undefined } })).toBe('{"a":{"c":1.5,"d":1e+21},"b":[1,,null,"x"]}');
  });
});
