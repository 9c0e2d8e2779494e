import type { CounterEventName } from "@chronicle/contracts";
import type { SeededRandom } from "@chronicle/api/testing/seeded-random.ts";

export interface CounterCount {
  event: CounterEventName;
  count: number;
}

/** One visit to seed 004's suggestion tray: suggestions shown, then accepted, skipped, edited or undone. */
export function planSuggestionTray(random: SeededRandom): CounterCount[] {
  const shown = random.int(2, 8);
  const accepted = random.int(0, shown);
  const skipped = random.int(0, shown - accepted);
  const counts: CounterCount[] = [{ event: "suggestion_shown", count: shown }];
  if (accepted > 0) counts.push({ event: "suggestion_accepted", count: accepted });
  if (skipped > 0) counts.push({ event: "suggestion_skipped", count: skipped });
  if (random.chance(0.2)) counts.push({ event: "suggestion_edited", count: 1 });
  if (accepted + skipped > 0 && random.chance(0.1)) counts.push({ event: "suggestion_undo", count: random.int(1, accepted + skipped) });
  if (random.chance(0.02)) counts.push({ event: random.chance(0.7) ? "embeddings_opt_in" : "embeddings_opt_out", count: 1 });
  return counts;
}
