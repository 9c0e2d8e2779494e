import type { CounterEventName } from "@chronicle/contracts";
import { chronicleApi } from "../api/chronicle-api.ts";

/**
 * Seed 004's privacy-safe count: only the event name and how many suggestions it covered,
 * never which topics. Best-effort: a counter that fails to arrive must never bother the learner.
 */
export function recordCounter(event: CounterEventName, count: number): void {
  if (count < 1) return;
  chronicleApi.counters.ingest.mutate({ event, count }).catch((error: unknown) => {
    console.warn(`Chronicle could not record the ${event} counter: ${error instanceof Error ? error.message : String(error)}.`);
  });
}
