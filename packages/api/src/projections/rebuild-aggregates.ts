import { projectionCheckpoints, type Database } from "@chronicle/db";
import { getTableName, inArray, sql } from "drizzle-orm";
import type { Projection } from "./projection.ts";
import { rowsOf } from "@chronicle/db";
import { readLogHead } from "./log-head.ts";
import { compareLogPositions, type LogPosition } from "./read-log.ts";
import { catchUp, runProjectionOnce } from "./run-projection.ts";
import { createSharedLogWindow } from "./shared-log-window.ts";

/** Slices per step of a rebuild: the window holds one step of the log. */
const STEP_SLICES = 4;

const isBefore = (a: LogPosition, b: LogPosition) => compareLogPositions(a, b) < 0;

/** The position of the `count`-th event after `from`, or null when the log ends sooner. */
async function positionAfter(db: Database, from: LogPosition, count: number): Promise<LogPosition | null> {
  const [row] = await rowsOf<{ tx_id: string; ingest_seq: string }>(
    db.orm,
    sql`select events.tx_id::text as tx_id, events.ingest_seq::text as ingest_seq from events
         where (tx_id, ingest_seq) > (${from.txId}::bigint, ${from.ingestSeq}::bigint)
         order by events.tx_id, events.ingest_seq offset ${count - 1} limit 1`,
  );
  return row ? { txId: Number(row.tx_id), ingestSeq: Number(row.ingest_seq) } : null;
}

/** Events per transaction in a rebuild: four times a live pass, so each slice's fixed cost is spread thinner, and well inside the projection statement limit. */
export const REBUILD_SLICE = 2000;
/** Projections applied at once on PostgreSQL during a rebuild (each on its own connection). */
const REBUILD_PARALLELISM = 4;

/**
 * Empties every table the given projections own, resets their checkpoints, and replays the
 * whole log: all projections walk it together in steps, reading each event once through a
 * shared window, several projections at a time on PostgreSQL (PGlite has one connection).
 * The result must equal what the incremental path produced.
 */
export async function rebuildAggregates(
  db: Database,
  projections: readonly Projection[],
  /** bench:lag compares with the way before issue 10: `oneAtATime`, each projection reading the whole log itself, slices of 500. */
  { slice = REBUILD_SLICE, parallelism = REBUILD_PARALLELISM, oneAtATime = false }: { slice?: number; parallelism?: number; oneAtATime?: boolean } = {},
): Promise<Record<string, number>> {
  await db.transaction(async (tx) => {
    const tables = [...new Set(projections.flatMap((p) => p.tables.map((table) => getTableName(table))))];
    if (tables.length > 0) await tx.execute(sql.raw(`truncate ${tables.map((name) => `"${name}"`).join(", ")}`));
    await tx.delete(projectionCheckpoints).where(inArray(projectionCheckpoints.name, projections.map((p) => p.name)));
  });
  const applied: Record<string, number> = Object.fromEntries(projections.map((p) => [p.name, 0]));
  if (oneAtATime) {
    for (const projection of projections) applied[projection.name] = await catchUp(db, projection, slice);
    return applied;
  }
  const lanes = db.driver === "postgres" ? Math.max(1, parallelism) : 1;
  // All projections walk the log together, one step of STEP_SLICES slices at a time, reading it
  // through one window: each event is read and decoded once for all of them, not once per
  // projection. Within a step, `lanes` projections apply at once (each its own transaction).
  const reader = createSharedLogWindow(STEP_SLICES * slice);
  let from: LogPosition = { txId: 0, ingestSeq: 0 };
  // Until caught up with the head as it is when a step ends (events may still arrive), and at
  // least one step, so every projection gets its checkpoint even on an empty log.
  for (let head = await readLogHead(db.orm), isFirst = true; isFirst || isBefore(from, head); head = await readLogHead(db.orm), isFirst = false) {
    const stepEnd = (await positionAfter(db, from, STEP_SLICES * slice)) ?? head;
    const queue = [...projections];
    await Promise.all(
      Array.from({ length: Math.min(lanes, queue.length) }, async () => {
        for (let projection = queue.shift(); projection; projection = queue.shift()) {
          for (;;) {
            const count = await runProjectionOnce(db, projection, slice, reader, stepEnd);
            applied[projection.name]! += count;
            if (count < slice) break;
          }
        }
      }),
    );
    from = stepEnd;
  }
  // Report in registry order, as the projections are listed.
  return Object.fromEntries(projections.map((p) => [p.name, applied[p.name]!]));
}
