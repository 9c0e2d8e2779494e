import { describe, expect, it } from "vitest";
import { sessionCreatedV2 } from "../families/exam.ts";
import { validateClientEvent } from "../validate-event.ts";
import { upcastPayload } from "./upcast.ts";

const v1Payload = { mode: "practice", filters: { difficulty: [1, 2] }, count: 25 };
const v2Payload = { mode: "practice", filters: { difficulty: [1, 2] }, question_count: 25, time_limit_seconds: 900 };
const envelope = { id: "0190a5c8-0000-7000-8000-0000000000a1", session_id: "0190a5c8-0000-7000-8000-0000000000a2", event_type: "SESSION_CREATED" };

describe("SESSION_CREATED versions", () => {
  it("accepts the v1 payload {mode, filters, count} when sent as event_version 1", () => {
    expect(validateClientEvent({ ...envelope, event_version: 1, payload: v1Payload })).toMatchObject({
      ok: true,
      event: { event_version: 1, payload: v1Payload },
    });
  });

  it("upcasts a stored v1 payload to the v2 shape, which the v2 schema accepts", () => {
    const upcast = upcastPayload("SESSION_CREATED", 1, v1Payload);
    expect(upcast).toEqual({
      version: 2,
      payload: { mode: "practice", filters: { difficulty: [1, 2] }, question_count: 25, time_limit_seconds: null },
    });
    expect(sessionCreatedV2.safeParse(upcast.payload).success).toBe(true);
  });

  it("passes a v2 payload through unchanged", () => {
    expect(upcastPayload("SESSION_CREATED", 2, v2Payload)).toEqual({ version: 2, payload: v2Payload });
  });

  it("rejects the v1 payload when it claims to be version 2", () => {
    expect(validateClientEvent({ ...envelope, event_version: 2, payload: v1Payload })).toMatchObject({
      ok: false,
      code: "invalid_payload",
    });
  });
});
