import { counterEventNames, type AdminCountersOutput, type CounterEventName } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

const ratePercent = (count: number, shown: number) => (shown > 0 ? Math.round((count / shown) * 100 * 100) / 100 : null);

/**
 * Seed 004's summary over every viewer, with the dev dashboard's rates per shown suggestion.
 * counter_daily_totals is not maintained yet, so counter_events is read: one range on
 * counter_events_event_created_idx per event name (index-only where the visibility map allows).
 */
export async function readCounterDashboard(executor: Executor, days: number, now: Date): Promise<AdminCountersOutput> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = await rowsOf<{ event: CounterEventName; n: number }>(
    executor,
    sql`select k.event, (select count(*)::int from counter_events c where c.event = k.event and c.created_at >= ${since}::timestamptz) as n
          from jsonb_array_elements_text(${JSON.stringify(counterEventNames)}::jsonb) as k(event)`,
  );
  const counts = Object.fromEntries(counterEventNames.map((name) => [name, 0])) as Record<CounterEventName, number>;
  for (const row of rows) counts[row.event] = row.n;
  const shown = counts.suggestion_shown;
  return {
    days,
    counts,
    rates: {
      accept: ratePercent(counts.suggestion_accepted, shown),
      skip: ratePercent(counts.suggestion_skipped, shown),
      edit: ratePercent(counts.suggestion_edited, shown),
      undo: ratePercent(counts.suggestion_undo, shown),
    },
  };
}
