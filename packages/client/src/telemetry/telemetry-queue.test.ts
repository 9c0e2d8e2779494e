import type { ClientEvent } from "@chronicle/contracts";
import { describe, expect, it } from "vitest";
import { toQueuedEvent, type QueuedEvent } from "./queued-event.ts";
import { TelemetryQueue } from "./telemetry-queue.ts";

const eventNumber = (seq: number) => toQueuedEvent({ seq } as ClientEvent);
const seqs = (events: readonly QueuedEvent[]) => events.map((queued) => queued.event.seq);

describe("TelemetryQueue", () => {
  it("drops the oldest events past its capacity and says which", () => {
    const dropped: number[] = [];
    const queue = new TelemetryQueue(3, (events) => dropped.push(...events.map((queued) => queued.event.seq ?? -1)));
    for (let seq = 0; seq < 5; seq += 1) queue.push(eventNumber(seq));
    expect(dropped).toEqual([0, 1]);
    expect(seqs(queue.takeAll())).toEqual([2, 3, 4]);
    expect(queue.size).toBe(0);
  });

  it("puts unanswered events back ahead of newer ones", () => {
    const queue = new TelemetryQueue(10, () => {});
    queue.push(eventNumber(0));
    queue.push(eventNumber(1));
    const sending = queue.takeAll();
    queue.push(eventNumber(2));
    queue.putBack(sending);
    expect(seqs(queue.takeAll())).toEqual([0, 1, 2]);
  });
});
