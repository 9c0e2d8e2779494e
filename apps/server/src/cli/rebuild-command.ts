import { holdRebuildLease } from "@chronicle/api/cluster/rebuild-guard.ts";
import type { ServerEnv } from "@chronicle/api/env.ts";
import { eventsPurgedByRetention } from "@chronicle/api/privacy/purged-by-retention.ts";
import { rebuildCounterRollups } from "@chronicle/api/projections/counter-rollups.ts";
import { rebuildAggregates } from "@chronicle/api/projections/rebuild-aggregates.ts";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { describeDatabase, openDatabase } from "./open-database.ts";

/** Drops every aggregate and rebuilds it from the raw data: the event log, and counter_events for counter totals. */
export async function rebuildCommand(env: ServerEnv, values: Record<string, unknown> = {}): Promise<void> {
  const db = await openDatabase(env);
  try {
    const purged = await eventsPurgedByRetention(db.orm);
    if (purged.events > 0 && values["allow-partial"] !== true) {
      throw new Error(
        `Retention has purged ${purged.events} events (up to ${purged.latestCutoff}) that today's aggregates still count; ` +
          "a rebuild would lose them. Pass --allow-partial to rebuild from the events that remain.",
      );
    }
    const releaseRebuild = await holdRebuildLease(db);
    try {
      const started = Date.now();
      const applied = await rebuildAggregates(db, allProjections);
      for (const [name, count] of Object.entries(applied)) console.log(`[chronicle] ${name}: ${count} events applied`);
      // Counter rollups come from counter_events, not the event log, so they rebuild on their own.
      console.log(`[chronicle] counter-rollups: ${await rebuildCounterRollups(db)} daily totals rebuilt`);
      console.log(`[chronicle] rebuilt ${allProjections.length} projections on ${describeDatabase(env)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await releaseRebuild();
    }
  } finally {
    await db.close();
  }
}
