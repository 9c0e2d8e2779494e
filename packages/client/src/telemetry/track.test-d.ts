import { describe, expectTypeOf, it } from "vitest";
import { useTelemetry } from "../react/use-telemetry.ts";
import { createTelemetry } from "./create-telemetry.ts";

const telemetry = createTelemetry({ url: "https://chronicle.test", token: "t" });
const sid = "0190a5c8-0000-7000-8000-00000000000a";

describe("track", () => {
  it("accepts a payload that matches its event type", () => {
    telemetry.track(sid, "ANSWER_SELECTED", { position: 1, selected_index: 1 });
    telemetry.track(sid, "QUESTION_VIEWED", { position: 5 }, { questionId: sid });
  });

  it("refuses a payload that does not match its event type", () => {
    // @ts-expect-error position is a 1-based number, not a string
    telemetry.track(sid, "ANSWER_SELECTED", { position: "x", selected_index: 1 });
  });

  it("refuses a payload with a field missing", () => {
    // @ts-expect-error ANSWER_SELECTED needs selected_index
    telemetry.track(sid, "ANSWER_SELECTED", { position: 1 });
  });

  it("refuses an event type that is not in the catalog", () => {
    // @ts-expect-error 'ANSWER_GUESSED' is not an event type of the catalog
    telemetry.track(sid, "ANSWER_GUESSED", {});
  });

  it("returns nothing the caller could await or catch", () => {
    expectTypeOf(telemetry.track).returns.toEqualTypeOf<void>();
    expectTypeOf(telemetry.flush).returns.toEqualTypeOf<Promise<void>>();
  });
});

describe("useTelemetry().track", () => {
  it("is bound to the session and typed by the catalog", () => {
    const { track } = useTelemetry(sid);
    track("ANSWER_SELECTED", { position: 1, selected_index: 0 });
    // @ts-expect-error position is a 1-based number, not a string
    track("ANSWER_SELECTED", { position: "x", selected_index: 1 });
    // @ts-expect-error 'ANSWER_GUESSED' is not an event type of the catalog
    track("ANSWER_GUESSED", {});
  });
});
