import { eventFamilies, type EventFamily } from "@chronicle/contracts";
import { rowsOf, type Database, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { lastExportedPosition } from "../export/export-events.ts";
import type { Projection } from "../projections/projection.ts";
import type { LogPosition } from "../projections/read-log.ts";
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
 * The retention job: deletes what is older than the policy keeps, a whole UTC day at a time
 * (events: a whole UTC month partition at a time, see countEventsBefore), each target in its
 * own transaction with a purge_audit row (events through chronicle_purge_events(), the only
 * way rows leave the log). Aggregates stay. Events a
 * projection has not applied yet are never purged: only the log up to the lowest checkpoint
 * of `projections` is touched, so an aggregate never misses an event because retention got
 * there first. Once the Parquet export is in use (a run has succeeded), retention also waits
 * for it: an event leaves the log only after it is in the warehouse's files.
 */
export async function purgeExpired(db: Database, policy: RetentionPolicy, projections: readonly Projection[], now: Date, options: PurgeOptions): Promise<PurgeTarget[]> {
  const applied = await purgeHorizon(db.orm, projections);
  const done: PurgeTarget[] = [];

  for (const family of eventFamilies) {
    const keepDays = policy.events[family];
    if (keepDays === null) continue;
    const cutoff = retentionCutoff(now, keepDays).toISOString();
    const rows = options.dryRun ? await countEventsBefore(db.orm, family, cutoff, applied) : await purgeEventsBefore(db, family, cutoff, applied, keepDays, options.actor);
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
  if (policy.quarantine !== null) {
    const cutoff = retentionCutoff(now, policy.quarantine).toISOString();
    const rows = await deleteAudited(db, options, "quarantined events", cutoff, policy.quarantine, [
      { table: "quarantined_events", timeColumn: "received_at" },
      { table: "quarantine_daily_counts", timeColumn: "day" },
    ]);
    done.push({ what: "quarantined events and their daily counts", keepDays: policy.quarantine, cutoff, rows });
  }
  return done;
}

/** How far retention may reach into the log: what every projection has applied and, once exports run, what was exported. */
async function purgeHorizon(executor: Executor, projections: readonly Projection[]): Promise<LogPosition> {
  const applied = await appliedByEveryProjection(executor, projections);
  const exported = await lastExportedPosition(executor);
  if (!exported) return applied;
  const exportedFirst = exported.txId < applied.txId || (exported.txId === applied.txId && exported.ingestSeq < applied.ingestSeq);
  return exportedFirst ? exported : applied;
}

/**
 * The log position every given projection has applied: the lowest checkpoint (checkpoints
 * move to the log head once caught up, so this is close to the head). A projection that has
 * never run holds it at the start, and then no event is old enough to go.
 */
async function appliedByEveryProjection(executor: Executor, projections: readonly Projection[]): Promise<LogPosition> {
  const names = JSON.stringify(projections.map((projection) => projection.name));
  const [row] = await rowsOf<{ tx_id: string; ingest_seq: string; missing: number }>(
    executor,
    sql`with wanted as (select value as name from jsonb_array_elements_text(${names}::jsonb))
        select c.last_tx_id::text as tx_id, c.last_ingest_seq::text as ingest_seq,
               (select count(*)::int from wanted where name not in (select name from projection_checkpoints)) as missing
          from projection_checkpoints c where c.name in (select name from wanted)
         order by c.last_tx_id, c.last_ingest_seq limit 1`,
  );
  if (!row || row.missing > 0) return { txId: 0, ingestSeq: 0 };
  return { txId: Number(row.tx_id), ingestSeq: Number(row.ingest_seq) };
}

/**
 * What retention would take of one family's log (chronicle_retention_plan, migration 0023):
 * whole month partitions that end by the cutoff and hold nothing past `applied`, and the
 * expired rows of the family's default partition. So an event goes once its whole UTC month
 * is past the cutoff: it is kept at least `keepDays` and at most a month longer.
 */
async function countEventsBefore(executor: Executor, family: EventFamily, cutoff: string, applied: LogPosition): Promise<number> {
  const [row] = await rowsOf<{ n: string | null }>(
    executor,
    sql`select sum(rows)::text as n from chronicle_retention_plan(${family}, ${cutoff}::timestamptz, ${applied.txId}::bigint, ${applied.ingestSeq}::bigint)`,
  );
  return Number(row?.n ?? 0);
}

async function purgeEventsBefore(db: Database, family: EventFamily, cutoff: string, applied: LogPosition, keepDays: number, actor: string): Promise<number> {
  // Most hourly runs find nothing; the function then writes no audit row (migration 0023).
  const [row] = await rowsOf<{ deleted: number }>(
    db.orm,
    sql`select chronicle_purge_events(${actor}, ${`retention: ${family} events are kept ${keepDays} days`}, null, ${family}, ${cutoff}::timestamptz,
                                      ${applied.txId}::bigint, ${applied.ingestSeq}::bigint) as deleted`,
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
    if (rows === 0) return 0;
    await tx.execute(sql`
      insert into purge_audit (actor, reason, user_id, family, cutoff, events_deleted)
      values (${options.actor}, ${`retention: ${what} are kept ${keepDays} days`}, null, ${what}, ${cutoff}::timestamptz, ${rows})`);
    return rows;
  });
}
