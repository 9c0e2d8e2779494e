import { describe, expect, it } from "vitest";
import { studyEvents } from "../families/study.ts";
import { validateClientEvent } from "../validate-event.ts";

describe("free text passing through an event schema", () => {
  it("scrubs an e-mail address from a search query", () => {
    const parsed = studyEvents.search_performed.payload.parse({
      query: "notes from ana.lopez@school.edu",
      result_count: 3,
      search_type: "keyword",
    });
    expect(parsed.query).toBe("notes from [email]");
  });

  it("stores the scrubbed and capped text when the event is validated", () => {
    const result = validateClientEvent({
      id: "0190a5c8-0000-7000-8000-0000000000b1",
      session_id: "0190a5c8-0000-7000-8000-0000000000b2",
      event_type: "ai_feedback_negative",
      payload: { message_id: "m-1", feedback_text: `call me on +1 555 123 4567 ${"x".repeat(600)}` },
    });
    expect(result.ok).toBe(true);
    const text = result.ok ? String(result.event.payload.feedback_text) : "";
    expect(text.startsWith("call me on [phone] ")).toBe(true);
    expect(Array.from(text)).toHaveLength(500);
  });
});
