import type { SimulatedLearner, SimulationContext } from "./simulation-context.ts";
import { planSuggestionTray } from "./suggestion-tray-counts.ts";

/**
 * A visit to the suggestion tray through counters.ingest. At the bad rate the client sends an
 * event name the server does not know; that call is refused (seed 004's invalid_event) and
 * counted as rejected, since counters have no quarantine.
 */
export async function simulateCounters(ctx: SimulationContext, learner: SimulatedLearner): Promise<void> {
  const { random } = learner;
  const counts = planSuggestionTray(random);
  const tally = ctx.tally.families.counter;
  for (const { event, count } of counts) {
    await learner.client.counters.ingest.mutate({ event, count });
    tally.accepted += count;
    ctx.tally.calls.counterCalls += 1;
  }
  if (random.chance(ctx.badRate * 5)) {
    ctx.tally.calls.counterCalls += 1;
    try {
      await learner.client.counters.ingest.mutate({ event: "suggestion_teleported", count: 1 });
      tally.accepted += 1;
    } catch {
      tally.rejected += 1;
    }
  }
}
