import { validateClientEvent } from "@chronicle/contracts";
import type { Database } from "@chronicle/db";
import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { runProjectionOnce } from "@chronicle/api/projections/run-projection.ts";
import { bulkLoad, type BulkLoadReport } from "./bulk-load.ts";

interface StoredRow {
  id: string;
  event_type: string;
  event_version: number;
  client_ts: string | null;
  seq: number | null;
  session_id: string;
  question_id: string | null;
  payload_json: Record<string, unknown>;
}

describe.each(databaseTargets())("bulkLoad on %s", (driver) => {
  let db: Database;
  let report: BulkLoadReport;
  beforeAll(async () => {
    db = await createTestDb(driver);
    report = await bulkLoad(db, { events: 5000, days: 5, seed: 3, chunkSize: 700, badRate: 0.05 });
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  it("writes the requested number of events over the period, from many learners", async () => {
    expect(report.eventsWritten).toBeGreaterThanOrEqual(5000);
    expect(report.eventsWritten).toBeLessThan(5300);
    const [row] = await db.rows<{ n: number; learners: number; days: number }>(
      sql`select count(*)::int as n, count(distinct user_id)::int as learners, count(distinct (event_ts at time zone 'UTC')::date)::int as days from events`,
    );
    expect(row!.n).toBe(report.eventsWritten + report.eventsDerived);
    // 20 simulated learners, each active on a day by its own chance. The traffic is seeded, but
    // its days follow the real clock and its ids are random, so runs differ (15 to 20 seen): "many" is over half.
    expect(row!.learners).toBeGreaterThan(10);
    expect(row!.days).toBeGreaterThanOrEqual(5);
  });

  it("stores only events whose envelope and payload pass the contract", async () => {
    const rows = await db.rows<StoredRow>(
      sql`select id::text as id, event_type, event_version, seq, session_id::text as session_id, question_id::text as question_id, payload_json,
                 case when client_ts is null then null else to_char(client_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') end as client_ts
            from events`,
    );
    const failures = rows
      .map((row) =>
        validateClientEvent({
          id: row.id,
          event_type: row.event_type,
          event_version: row.event_version,
          session_id: row.session_id,
          payload: row.payload_json,
          ...(row.client_ts ? { client_ts: row.client_ts } : {}),
          ...(row.seq !== null ? { seq: row.seq } : {}),
          ...(row.question_id ? { question_id: row.question_id } : {}),
        }),
      )
      .filter((validation) => !validation.ok);
    expect(failures).toEqual([]);
    const families = await db.rows<{ family: string }>(sql`select distinct family from events order by family`);
    expect(families.map((f) => f.family)).toEqual(["exam", "game", "study", "sync"]);
  });

  it("keeps exam sessions on the real question bank, with the batch log, quarantine and counters beside the log", async () => {
    const [orphans] = await db.rows<{ n: number }>(
      sql`select count(*)::int as n from test_session_questions t left join questions q on q.id = t.question_id where q.id is null`,
    );
    expect(orphans!.n).toBe(0);
    expect(report.quarantined).toBeGreaterThan(0);
    const [unbatched] = await db.rows<{ n: number }>(
      sql`select count(*)::int as n from events e where e.batch_id is not null and not exists (select 1 from ingest_batches b where b.batch_id = e.batch_id)`,
    );
    expect(unbatched!.n).toBe(0);
    const [counters] = await db.rows<{ rows: number; totals: number }>(
      sql`select (select count(*)::int from counter_events) as rows, (select coalesce(sum(total), 0)::int from counter_daily_totals) as totals`,
    );
    expect(counters).toEqual({ rows: report.counterRows, totals: report.counterRows });
  });

  it("leaves every projection caught up, with real aggregates", async () => {
    for (const projection of allProjections) expect(await runProjectionOnce(db, projection), projection.name).toBe(0);
    const [aggregates] = await db.rows<{ exams: number; games: number; study: number; mastery: number }>(
      sql`select (select count(*)::int from test_session_results where submitted_at is not null) as exams,
                 (select count(*)::int from behavioral_features) as games,
                 (select count(*)::int from study_sessions) as study,
                 (select count(*)::int from topic_mastery) as mastery`,
    );
    expect(aggregates).toMatchObject({ exams: report.examSessions, games: report.gameSessions, study: report.studySessions });
    expect(aggregates!.mastery).toBeGreaterThan(0);
  });
});
