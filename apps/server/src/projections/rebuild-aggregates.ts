import { projectionCheckpoints, type Database } from "@chronicle/db";
import { getTableName, inArray, sql } from "drizzle-orm";
import type { Projection } from "./projection.ts";
import { catchUp } from "./run-projection.ts";

/**
 * Empties every table the given projections own, resets their checkpoints, and
 * replays the whole log. The result must equal what the incremental path produced.
 */
export async function rebuildAggregates(db: Database, projections: readonly Projection[]): Promise<Record<string, number>> {
  await db.transaction(async (tx) => {
    const tables = [...new Set(projections.flatMap((p) => p.tables.map((table) => getTableName(table))))];
    if (tables.length > 0) await tx.execute(sql.raw(`truncate ${tables.map((name) => `"${name}"`).join(", ")}`));
    await tx.delete(projectionCheckpoints).where(inArray(projectionCheckpoints.name, projections.map((p) => p.name)));
  });
  const applied: Record<string, number> = {};
  for (const projection of projections) applied[projection.name] = await catchUp(db, projection);
  return applied;
}
