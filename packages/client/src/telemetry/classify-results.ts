import type { ClientEvent, EventResult } from "@chronicle/contracts";
import type { QueuedEvent } from "./queued-event.ts";

/** An event the server refused, kept for debugging with the server's reason. */
export interface RejectedEvent {
  readonly event: ClientEvent;
  readonly code: EventResult["code"];
  readonly message: string | undefined;
  readonly issues: EventResult["issues"];
}

export interface ClassifiedResults {
  rejected: RejectedEvent[];
  /** Events the response said nothing about; they stay queued for the next flush. */
  unanswered: QueuedEvent[];
}

/** Results refer to events by their index in the request; accepted and duplicate ones are done. */
export function classifyResults(events: readonly QueuedEvent[], results: readonly EventResult[]): ClassifiedResults {
  const byIndex = new Map(results.map((result) => [result.index, result]));
  const classified: ClassifiedResults = { rejected: [], unanswered: [] };
  events.forEach((queued, index) => {
    const result = byIndex.get(index);
    const isSameEvent = result !== undefined && (result.id === null || result.id === queued.event.id);
    if (!isSameEvent) classified.unanswered.push(queued);
    else if (result.status === "rejected") {
      classified.rejected.push({ event: queued.event, code: result.code, message: result.message, issues: result.issues });
    }
  });
  return classified;
}
