import { eventFamilies, type EventFamily } from "@chronicle/contracts";
import { rowsOf, type Database, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { Projection } from "../projections/projection.ts";
import { measureProjectionLag } from "../projections/projection-lag.ts";
import { retentionCutoff, type RetentionPolicy } from "./retention-policy.ts";

export interface PurgeTarget {
  /** "study events", "game features", "counter rows"… */
  what: string;
  keepDays: number;
  /** Everything strictly older than this goes (ISO, UTC). */
  cutoff: string;
  /** Rows deleted, or that would be with dryRun. */
  rows: number;
}

export interface PurgeOptions {
  actor: string;
  /** Count what would go, delete nothing. */
  dryRun?: boolean;
}

/**
 * The retention job: deletes what is older than the policy keeps, a whole UTC day at a time,
 * each target in its own transaction with a purge_audit row (events through
 * chronicle_purge_events(), the only way rows leave the log). Aggregates stay. Events a
 * projection has not applied yet are never purged: the cutoff stops at the oldest of them,
 * so an aggregate never misses an event because retention got there first.
 */
export async function purgeExpired(db: Database, policy: RetentionPolicy, projections: readonly Projection[], now: Date, options: PurgeOptions): Promise<PurgeTarget[]> {
  const oldestPending = (await measureProjectionLag(db.orm, projections)).map((lag) => lag.oldestPendingAt).filter((at): at is string => at !== null).sort()[0];
  const notAfterPending = (cutoff: Date) => (oldestPending && Date.parse(oldestPending) < cutoff.getTime() ? new Date(oldestPending) : cutoff);
  const done: PurgeTarget[] = [];

  for (const family of eventFamilies) {
    const keepDays = policy.events[family];
    if (keepDays === null) continue;
    const cutoff = notAfterPending(retentionCutoff(now, keepDays)).toISOString();
    const rows = options.dryRun ? await countEventsBefore(db.orm, family, cutoff) : await purgeEventsBefore(db, family, cutoff, keepDays, options.actor);
    done.push({ what: `${family} events`, keepDays, cutoff, rows });
  }
  if (policy.gameFeatures !== null) {
    const cutoff = retentionCutoff(now, policy.gameFeatures).toISOString();
    const rows = await deleteAudited(db, options, "game features", cutoff, policy.gameFeatures, [
      { table: "behavioral_features", timeColumn: "created_at" },
      { table: "game_sessions", timeColumn: "started_at" },
    ]);
    done.push({ what: "game features and session summaries", keepDays: policy.gameFeatures, cutoff, rows });
  }
  if (policy.counterRows !== null) {
    const cutoff = retentionCutoff(now, policy.counterRows).toISOString();
    // counter_daily_totals are the kept aggregate; only the raw rows go.
    const rows = await deleteAudited(db, options, "counter rows", cutoff, policy.counterRows, [{ table: "counter_events", timeColumn: "created_at" }]);
    done.push({ what: "raw counter rows", keepDays: policy.counterRows, cutoff, rows });
  }
  return done;
}

async function countEventsBefore(executor: Executor, family: EventFamily, cutoff: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(executor, sql`select count(*)::int as n from events where family = ${family} and event_ts < ${cutoff}::timestamptz`);
  return row?.n ?? 0;
}

async function purgeEventsBefore(db: Database, family: EventFamily, cutoff: string, keepDays: number, actor: string): Promise<number> {
  const [row] = await rowsOf<{ deleted: number }>(
    db.orm,
    sql`select chronicle_purge_events(${actor}, ${`retention: ${family} events are kept ${keepDays} days`}, null, ${family}, ${cutoff}::timestamptz) as deleted`,
  );
  return Number(row?.deleted ?? 0);
}

interface AgedRows {
  table: string;
  /** The column that says how old a row is. */
  timeColumn: string;
}

/** Deletes (or, in a dry run, counts) rows outside the log, with a purge_audit row like the log's. */
async function deleteAudited(db: Database, options: PurgeOptions, what: string, cutoff: string, keepDays: number, tables: AgedRows[]): Promise<number> {
  const older = ({ table, timeColumn }: AgedRows) => sql`from ${sql.identifier(table)} where ${sql.identifier(timeColumn)} < ${cutoff}::timestamptz`;
  if (options.dryRun) {
    let rows = 0;
    for (const aged of tables) rows += (await rowsOf<{ n: number }>(db.orm, sql`select count(*)::int as n ${older(aged)}`))[0]?.n ?? 0;
    return rows;
  }
  return db.transaction(async (tx) => {
    let rows = 0;
    for (const aged of tables) {
      const [row] = await rowsOf<{ n: number }>(tx, sql`with gone as (delete ${older(aged)} returning 1) select count(*)::int as n from gone`);
      rows += row?.n ?? 0;
    }
    await tx.execute(sql`
      insert into purge_audit (actor, reason, user_id, family, cutoff, events_deleted)
      values (${options.actor}, ${`retention: ${what} are kept ${keepDays} days`}, null, ${what}, ${cutoff}::timestamptz, ${rows})`);
    return rows;
  });
}
