import { rowsOf, type Database, type Executor } from "@chronicle/db";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";

/** Operational rows keep their counts but lose the learner: their user_id becomes this. */
export const ERASED_USER_ID = "00000000-0000-0000-0000-000000000000";

/**
 * Every table that names a learner, and what erasure does to it. A table added with a
 * user_id, student_id or viewer_id column must be listed here or in KEPT_ON_ERASURE (a test checks).
 */
type ErasureAction = "delete" | "pseudonymise" | "merge-into-erased";

export const ERASED_ROWS: readonly { table: string; column: string; action: ErasureAction }[] = [
  { table: "test_session_questions", column: "session_id", action: "delete" },
  { table: "test_session_results", column: "user_id", action: "delete" },
  { table: "test_sessions", column: "user_id", action: "delete" },
  { table: "study_sessions", column: "user_id", action: "delete" },
  { table: "material_interactions", column: "user_id", action: "delete" },
  { table: "question_attempts", column: "user_id", action: "delete" },
  { table: "daily_user_stats", column: "user_id", action: "delete" },
  { table: "weekly_user_stats", column: "user_id", action: "delete" },
  { table: "topic_mastery", column: "user_id", action: "delete" },
  { table: "knowledge_gaps", column: "user_id", action: "delete" },
  { table: "user_gamification", column: "user_id", action: "delete" },
  { table: "gamification_progress", column: "user_id", action: "delete" },
  { table: "game_sessions", column: "student_id", action: "delete" },
  { table: "behavioral_features", column: "student_id", action: "delete" },
  { table: "sync_progress", column: "user_id", action: "delete" },
  { table: "sync_assessments", column: "user_id", action: "delete" },
  { table: "learner_scores", column: "user_id", action: "delete" },
  { table: "learner_weak_areas", column: "user_id", action: "delete" },
  { table: "quarantined_events", column: "user_id", action: "delete" },
  { table: "quarantine_daily_counts", column: "user_id", action: "delete" },
  // Seed 004's counts: the raw rows go; the daily totals keep counting, under the erased id.
  { table: "counter_events", column: "viewer_id", action: "delete" },
  { table: "counter_daily_totals", column: "viewer_id", action: "merge-into-erased" },
  { table: "sessions", column: "user_id", action: "delete" },
  { table: "learners", column: "id", action: "delete" },
  // PII the host product registered (learners.setDisplayName).
  { table: "learner_display_names", column: "user_id", action: "delete" },
  // Batch metrics feed ingestion health; they keep their sizes and timings, not the learner.
  { table: "ingest_batches", column: "user_id", action: "pseudonymise" },
];

/** Tables that name a learner and keep it on erasure, with the reason. */
export const KEPT_ON_ERASURE: Readonly<Record<string, string>> = {
  purge_audit: "the record that this learner's data was erased, required to show the erasure happened",
  erased_learners: "the id ingest checks so that a still-valid token cannot write the learner back (learner_erased)",
};

export interface ErasureReport {
  eventsDeleted: number;
  /** Rows removed or pseudonymised per table, tables with none left out. */
  rows: Record<string, number>;
}

/**
 * Erases one learner (GDPR): their events through chronicle_purge_events() (audited with
 * actor and reason), and every aggregate and operational row that names them, in one
 * transaction. The projection checkpoints are locked first, so no projection is halfway
 * through writing this learner's rows while they are removed, and none can bring them back:
 * the events they would be rebuilt from are gone in the same commit. Aggregates over many
 * learners (topic daily stats, answer changes, counter totals) hold no learner and stay.
 */
export async function eraseLearner(db: Database, learnerId: string, audit: { actor: string; reason: string }): Promise<ErasureReport> {
  if (!z.uuid().safeParse(learnerId).success) throw new Error(`'${learnerId}' is not a learner id; erasure needs the learner's UUID.`);
  if (!audit.actor.trim() || !audit.reason.trim()) throw new Error("An erasure needs an actor and a reason for the audit log; nothing was erased.");
  return db.transaction(async (tx) => {
    await tx.execute(sql`select name from projection_checkpoints order by name for update`);
    // Erasure is final: from this commit on, ingest refuses the learner's events (learner_erased).
    await tx.execute(sql`insert into erased_learners (learner_id) values (${learnerId}::uuid) on conflict (learner_id) do nothing`);
    const rows: Record<string, number> = {};
    for (const { table, column, action } of ERASED_ROWS) {
      const count = await eraseFrom(tx, table, column, action, learnerId);
      if (count > 0) rows[table] = count;
    }
    const [purged] = await rowsOf<{ deleted: number }>(
      tx,
      sql`select chronicle_purge_events(${audit.actor}, ${audit.reason}, ${learnerId}::uuid, null, null) as deleted`,
    );
    return { eventsDeleted: Number(purged?.deleted ?? 0), rows };
  });
}

async function eraseFrom(tx: Executor, table: string, column: string, action: ErasureAction, learnerId: string): Promise<number> {
  if (action === "merge-into-erased") return mergeCounterTotals(tx, learnerId);
  const name = sql.identifier(table);
  const key = sql.identifier(column);
  // test_session_questions names no learner itself: it goes with the learner's test sessions.
  const matches: SQL =
    table === "test_session_questions"
      ? sql`${key} in (select id from test_sessions where user_id = ${learnerId}::uuid)`
      : sql`${key} = ${learnerId}::uuid`;
  const statement =
    action === "delete"
      ? sql`with gone as (delete from ${name} where ${matches} returning 1) select count(*)::int as n from gone`
      : sql`with renamed as (update ${name} set ${key} = ${ERASED_USER_ID}::uuid where ${matches} returning 1) select count(*)::int as n from renamed`;
  const [row] = await rowsOf<{ n: number }>(tx, statement);
  return row?.n ?? 0;
}

/** The learner's daily counter totals are added to the erased id's, which may already hold some. */
async function mergeCounterTotals(tx: Executor, learnerId: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    tx,
    sql`with moved as (delete from counter_daily_totals where viewer_id = ${learnerId}::uuid returning event, day, total),
             merged as (
               insert into counter_daily_totals (viewer_id, event, day, total)
               select ${ERASED_USER_ID}::uuid, event, day, total from moved
               on conflict (viewer_id, event, day) do update set total = counter_daily_totals.total + excluded.total
               returning 1)
        select (select count(*)::int from moved) as n, (select count(*) from merged) as merged`,
  );
  return row?.n ?? 0;
}
