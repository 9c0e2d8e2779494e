import { projectionCheckpoints, type Database } from "@chronicle/db";
import { getTableName, inArray, sql } from "drizzle-orm";
import type { Projection } from "./projection.ts";
import { runProjectionOnce } from "./run-projection.ts";
import { createSharedLogWindow } from "./shared-log-window.ts";

/** Events per transaction in a rebuild: four times a live pass, so each slice's fixed cost is spread thinner, and well inside the projection statement limit. */
export const REBUILD_SLICE = 2000;
/** Projection groups replayed at once on PostgreSQL (each on its own connection). */
const REBUILD_PARALLELISM = 4;

/**
 * Projections that share a table are replayed one after the other in registry order; the
 * resulting groups have nothing in common and can be replayed at the same time. (Derived
 * events such as xp_earned are already in the log, and the replay that re-derives them only
 * meets ids already stored, so no group waits for another's output.)
 */
export function independentGroups(projections: readonly Projection[]): Projection[][] {
  const groups: { members: Projection[]; tables: Set<string> }[] = [];
  for (const projection of projections) {
    const tables = projection.tables.map((table) => getTableName(table));
    const touching = groups.filter((group) => tables.some((table) => group.tables.has(table)));
    const merged = { members: touching.flatMap((group) => group.members), tables: new Set(touching.flatMap((group) => [...group.tables])) };
    merged.members.push(projection);
    for (const table of tables) merged.tables.add(table);
    for (const group of touching) groups.splice(groups.indexOf(group), 1);
    groups.push(merged);
  }
  // Keep registry order inside a group, whatever order the merges happened in.
  return groups.map((group) => projections.filter((p) => group.members.includes(p)));
}

/**
 * Empties every table the given projections own, resets their checkpoints, and
 * replays the whole log in large slices, independent projections in parallel on PostgreSQL
 * (PGlite has one connection, so there they run one after the other).
 * The result must equal what the incremental path produced.
 */
export async function rebuildAggregates(
  db: Database,
  projections: readonly Projection[],
  /** bench:lag compares with the earlier way (slices of 500, one projection at a time). */
  { slice = REBUILD_SLICE, parallelism = REBUILD_PARALLELISM }: { slice?: number; parallelism?: number } = {},
): Promise<Record<string, number>> {
  await db.transaction(async (tx) => {
    const tables = [...new Set(projections.flatMap((p) => p.tables.map((table) => getTableName(table))))];
    if (tables.length > 0) await tx.execute(sql.raw(`truncate ${tables.map((name) => `"${name}"`).join(", ")}`));
    await tx.delete(projectionCheckpoints).where(inArray(projectionCheckpoints.name, projections.map((p) => p.name)));
  });
  const applied: Record<string, number> = {};
  const pending = independentGroups(projections);
  const workers = db.driver === "postgres" ? Math.max(1, Math.min(parallelism, pending.length)) : 1;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let group = pending.shift(); group; group = pending.shift()) {
        // The group's projections take turns, a slice each, reading through one window: each
        // slice of the log is read and decoded once per group, not once per projection.
        const reader = createSharedLogWindow(2 * slice);
        for (const projection of group) applied[projection.name] = 0;
        for (let round = group; round.length > 0; ) {
          const next = [];
          for (const projection of round) {
            const count = await runProjectionOnce(db, projection, slice, reader);
            applied[projection.name]! += count;
            if (count === slice) next.push(projection);
          }
          round = next;
        }
      }
    }),
  );
  // Report in registry order, as the projections are listed.
  return Object.fromEntries(projections.map((p) => [p.name, applied[p.name]!]));
}
