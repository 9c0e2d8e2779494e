import { describe, expectTypeOf, it } from "vitest";
import type { EventPayloadInput, EventTypeOfFamily } from "./catalog/index.ts";
import type { ClientEvent } from "./envelope.ts";

const ids = { id: "0190a5c8-0000-7000-8000-000000000001", session_id: "0190a5c8-0000-7000-8000-000000000002" };

describe("ClientEvent", () => {
  it("refuses a payload that does not match its event type", () => {
    const wrongPosition: ClientEvent = {
      ...ids,
      event_type: "ANSWER_SELECTED",
      // @ts-expect-error position is a 1-based number, not a string
      payload: { position: "x", selected_index: 1 },
    };
    void wrongPosition;
  });

  it("refuses an event type that is not in the catalog", () => {
    const unknownType: ClientEvent = {
      ...ids,
      // @ts-expect-error 'ANSWER_GUESSED' is not an event type of the catalog
      event_type: "ANSWER_GUESSED",
      payload: {},
    };
    void unknownType;
  });

  it("refuses an older event_version from typed producers", () => {
    // @ts-expect-error producers send the newest version (2); v1 exists only for stored events
    const oldVersion: ClientEvent = {
      ...ids,
      event_type: "SESSION_CREATED",
      event_version: 1,
      payload: { mode: "exam", filters: {}, question_count: 10, time_limit_seconds: null },
    };
    void oldVersion;
  });

  it("narrows the payload by event type", () => {
    const answer = {
      ...ids,
      event_type: "ANSWER_SELECTED",
      question_id: "0190a5c8-0000-7000-8000-000000000003",
      payload: { position: 3, selected_index: 1 },
    } satisfies ClientEvent;
    expectTypeOf(answer).toExtend<ClientEvent>();
    expectTypeOf<Extract<ClientEvent, { event_type: "ANSWER_SELECTED" }>["payload"]>().toEqualTypeOf<{
      position: number;
      selected_index: number;
    }>();
  });

  it("groups event types by family", () => {
    expectTypeOf<"retry">().toExtend<EventTypeOfFamily<"game">>();
    expectTypeOf<"retry">().not.toExtend<EventTypeOfFamily<"study">>();
    expectTypeOf<EventPayloadInput<"initiative">>().toEqualTypeOf<{ mission_id?: string | undefined; game_version: string }>();
  });
});
