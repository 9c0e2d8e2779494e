import type { ClientEvent } from "@chronicle/contracts";
import { MAX_KEEPALIVE_REQUEST_BYTES, MAX_LEARNER_BATCH_EVENTS } from "@chronicle/contracts/limits";
import { describe, expect, it } from "vitest";
import { toQueuedEvent } from "./queued-event.ts";
import { splitIntoRequests } from "./split-into-requests.ts";

function eventWithPayloadOf(index: number, bytes: number) {
  const event = {
    id: `0190a5c8-0000-7000-8000-${index.toString(16).padStart(12, "0")}`,
    event_type: "FEEDBACK_SUBMITTED",
    session_id: "0190a5c8-0000-7000-8000-000000000000",
    seq: index,
    // Multi-byte characters make sure bytes, not string length, are counted.
    payload: { text: "é".repeat(bytes / 2) },
  } as unknown as ClientEvent;
  return toQueuedEvent(event);
}

const byteLength = (text: string) => new TextEncoder().encode(text).byteLength;

describe("splitIntoRequests", () => {
  it("keeps every request of 100 large events within 64 KB and 50 events, in order", () => {
    const events = Array.from({ length: 100 }, (_, index) => eventWithPayloadOf(index, 3000));
    const requests = splitIntoRequests("web", events);

    expect(requests.length).toBeGreaterThan(2);
    for (const request of requests) {
      expect(byteLength(request.body)).toBeLessThanOrEqual(MAX_KEEPALIVE_REQUEST_BYTES);
      expect(request.events.length).toBeLessThanOrEqual(MAX_LEARNER_BATCH_EVENTS);
      const parsed = JSON.parse(request.body) as { source: string; events: ClientEvent[] };
      expect(parsed.source).toBe("web");
      expect(parsed.events.map((event) => event.id)).toEqual(request.events.map((queued) => queued.event.id));
    }
    const sentSeqs = requests.flatMap((request) => request.events.map((queued) => queued.event.seq));
    expect(sentSeqs).toEqual(events.map((_, index) => index));
  });

  it("fills a request up to the byte limit exactly", () => {
    const events = Array.from({ length: 4 }, (_, index) => eventWithPayloadOf(index, 100));
    const oneRequest = splitIntoRequests("web", events)[0]!;
    const exactLimit = byteLength(oneRequest.body);

    expect(splitIntoRequests("web", events, { maxBytes: exactLimit, maxEvents: 50 })).toHaveLength(1);
    expect(splitIntoRequests("web", events, { maxBytes: exactLimit - 1, maxEvents: 50 })).toHaveLength(2);
  });

  it("cuts at 50 events when small events would fit more", () => {
    const events = Array.from({ length: 120 }, (_, index) => eventWithPayloadOf(index, 2));
    expect(splitIntoRequests("web", events).map((request) => request.events.length)).toEqual([50, 50, 20]);
  });

  it("sends an event too big for any request on its own", () => {
    const events = [eventWithPayloadOf(0, 10), eventWithPayloadOf(1, 70_000), eventWithPayloadOf(2, 10)];
    expect(splitIntoRequests("web", events).map((request) => request.events.length)).toEqual([1, 1, 1]);
  });

  it("makes no request for an empty queue", () => {
    expect(splitIntoRequests("web", [])).toEqual([]);
  });
});
