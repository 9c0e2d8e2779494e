import { describe, expect, it } from "vitest";
import { gameBatchEventToEnvelope } from "./game-batch-to-envelope.ts";

const gameEvent = (overrides: Record<string, unknown> = {}) => ({
  event_id: "0190a5c8-0000-7000-8000-0000000000a1",
  student_id: "0190a5c8-0000-7000-8000-0000000000a2",
  event_type: "choice_made",
  timestamp: "2026-12-07T08:00:00.000Z",
  data: { choice: "help_friend" },
  session_id: "0190a5c8-0000-7000-8000-0000000000a3",
  mission_id: "mission-alpha",
  ...overrides,
});

describe("game batch event to envelope v1", () => {
  it("maps a valid event, with the batch's client version as game_version", () => {
    expect(gameBatchEventToEnvelope(gameEvent(), "1.4.0")).toEqual({
      studentId: "0190a5c8-0000-7000-8000-0000000000a2",
      validation: {
        ok: true,
        event: expect.objectContaining({
          id: "0190a5c8-0000-7000-8000-0000000000a1",
          event_type: "choice_made",
          event_version: 1,
          family: "game",
          client_ts: "2026-12-07T08:00:00.000Z",
          session_id: "0190a5c8-0000-7000-8000-0000000000a3",
          question_id: null,
          seq: null,
          payload: { choice: "help_friend", game_version: "1.4.0", mission_id: "mission-alpha" },
        }),
      },
    });
  });

  it("refuses a data key longer than an envelope field name as envelope v1 does", () => {
    const longKey = "k".repeat(65);
    expect(gameBatchEventToEnvelope(gameEvent({ data: { choice: "help_friend", [longKey]: 1 } }), "1.4.0").validation).toMatchObject({
      ok: false,
      id: "0190a5c8-0000-7000-8000-0000000000a1",
      code: "invalid_envelope",
      message: "The event does not match envelope v1.",
      issues: [{ path: `payload.${longKey}` }],
    });
  });

  it("refuses a field the event type does not list as an invalid payload", () => {
    expect(gameBatchEventToEnvelope(gameEvent({ data: { choice: "help_friend", mood: "ok" } }), "1.4.0").validation).toMatchObject({
      ok: false,
      code: "invalid_payload",
      message: "The payload does not match choice_made v1.",
    });
  });

  it("names where a string that cannot be stored is, in the game event's own terms", () => {
    expect(gameBatchEventToEnvelope(gameEvent({ data: { choice: "help\u0000friend" } }), "1.4.0").validation).toMatchObject({
      ok: false,
      code: "invalid_string",
      issues: [{ path: "data.choice" }],
    });
  });
});
