import type { Database } from "@chronicle/db";
import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { catchUp } from "@chronicle/api/projections/run-projection.ts";
import { bulkLoad } from "@chronicle/simulator/bulk-load.ts";
import { ERASED_ROWS, ERASED_USER_ID, eraseLearner, KEPT_ON_ERASURE } from "@chronicle/api/privacy/erase-learner.ts";

type Counts = Record<string, number>;

/** Rows per erased table that name `learner` (or, with `others`, everyone else but the erased placeholder). */
async function countRows(db: Database, learner: string, others = false): Promise<Counts> {
  const counts: Counts = {};
  for (const { table, column } of ERASED_ROWS) {
    const owner = table === "test_session_questions" ? sql`(select user_id from test_sessions t where t.id = session_id)` : sql.identifier(column);
    const [row] = await db.rows<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)}
           where ${others ? sql`${owner} <> ${learner}::uuid and ${owner} <> ${ERASED_USER_ID}::uuid` : sql`${owner} = ${learner}::uuid`}`,
    );
    counts[table] = row!.n;
  }
  const [events] = await db.rows<{ n: number }>(sql`select count(*)::int as n from events where user_id ${others ? sql`<>` : sql`=`} ${learner}::uuid`);
  counts.events = events!.n;
  return counts;
}

async function counterTotals(db: Database): Promise<{ event: string; total: number }[]> {
  return db.rows(sql`select event, sum(total)::int as total from counter_daily_totals group by event order by event`);
}

describe.each(databaseTargets())("erasing a learner on %s", (driver) => {
  let db: Database;
  let learner: string;
  beforeAll(async () => {
    db = await createTestDb(driver);
    await bulkLoad(db, { events: 3000, days: 3, seed: 11, badRate: 0.05 });
    // The learner with the widest footprint: exams, game features, counters and rejected events.
    const [row] = await db.rows<{ id: string }>(
      sql`select t.user_id::text as id from test_sessions t
            join behavioral_features f on f.student_id = t.user_id
            join quarantined_events q on q.user_id = t.user_id
            join counter_events c on c.viewer_id = t.user_id
           group by t.user_id order by count(*) desc limit 1`,
    );
    learner = row!.id;
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  it("removes every row that names the learner, leaves everyone else's, and records who erased them and why", async () => {
    const before = await countRows(db, learner);
    const othersBefore = await countRows(db, learner, true);
    const totalsBefore = await counterTotals(db);
    const [nilBefore] = await db.rows<{ n: number }>(sql`select count(*)::int as n from ingest_batches where user_id = ${ERASED_USER_ID}::uuid`);
    expect(Object.values(before).filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);

    const report = await eraseLearner(db, learner, { actor: "dpo@example.org", reason: "GDPR erasure request 42" });

    expect(report.eventsDeleted).toBe(before.events);
    expect(Object.values(await countRows(db, learner)).every((n) => n === 0)).toBe(true);
    expect(await countRows(db, learner, true)).toEqual(othersBefore);
    const [nilAfter] = await db.rows<{ n: number }>(sql`select count(*)::int as n from ingest_batches where user_id = ${ERASED_USER_ID}::uuid`);
    expect(nilAfter!.n - nilBefore!.n).toBe(before.ingest_batches);
    // The counter dashboard's totals do not move: the learner's counts now belong to nobody.
    expect(await counterTotals(db)).toEqual(totalsBefore);
    const audit = await db.rows<{ actor: string; reason: string; events_deleted: number }>(
      sql`select actor, reason, events_deleted from purge_audit where user_id = ${learner}::uuid`,
    );
    expect(audit).toEqual([{ actor: "dpo@example.org", reason: "GDPR erasure request 42", events_deleted: before.events }]);
  });

  it("stays erased when the projections run again", async () => {
    for (const projection of allProjections) await catchUp(db, projection);
    expect(Object.values(await countRows(db, learner)).every((n) => n === 0)).toBe(true);
  });

  it("refuses to erase without an actor and a reason, and erases nothing", async () => {
    const [someone] = await db.rows<{ id: string }>(sql`select user_id::text as id from events limit 1`);
    const before = await countRows(db, someone!.id);
    await expect(eraseLearner(db, someone!.id, { actor: "", reason: "" })).rejects.toThrow(/actor and a reason/);
    expect(await countRows(db, someone!.id)).toEqual(before);
  });

  it("knows what to do with every table that names a learner", async () => {
    const named = await db.rows<{ table_name: string }>(
      // The log's partitions are the log: erasure deletes from events, which reaches every one of them.
      sql`select distinct table_name from information_schema.columns
           where table_schema = 'public' and column_name in ('user_id', 'student_id', 'viewer_id')
             and table_name not in (select relname from pg_class where relispartition) order by table_name`,
    );
    const handled = new Set([...ERASED_ROWS.map((r) => r.table), ...Object.keys(KEPT_ON_ERASURE), "events"]);
    expect(named.map((r) => r.table_name).filter((table) => !handled.has(table))).toEqual([]);
  });
});
