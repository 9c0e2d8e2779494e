import type { ServerEnv } from "../env.ts";
import { rebuildAggregates } from "../projections/rebuild-aggregates.ts";
import { allProjections } from "../projections/registry.ts";
import { describeDatabase, openDatabase } from "./open-database.ts";

/** Drops every aggregate and rebuilds it from the log. */
export async function rebuildCommand(env: ServerEnv): Promise<void> {
  const db = await openDatabase(env);
  try {
    const started = Date.now();
    const applied = await rebuildAggregates(db, allProjections);
    for (const [name, count] of Object.entries(applied)) console.log(`[chronicle] ${name}: ${count} events applied`);
    console.log(`[chronicle] rebuilt ${allProjections.length} projections on ${describeDatabase(env)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
}
