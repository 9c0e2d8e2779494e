import { ensureEventPartitions, listEventPartitions, type Database, type NewEvent } from "@chronicle/db";
import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportEvents } from "../export/export-events.ts";
import type { Projection } from "../projections/projection.ts";
import { catchUp } from "../projections/run-projection.ts";
import { appendVisible, pauseEvent } from "../projections/testing/log-fixtures.ts";
import { purgeExpired } from "./purge-expired.ts";
import { eventsPurgedByRetention } from "./purged-by-retention.ts";
import type { RetentionPolicy } from "./retention-policy.ts";

const now = new Date("2026-11-25T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const policy: RetentionPolicy = { events: { exam: null, study: 730, game: 90, sync: 730 }, gameFeatures: 365, counterRows: 30, quarantine: 30 };

/** The log's rows by family and age; what each row is matters only to retention. */
const aged = (family: NewEvent["family"], days: number) => pauseEvent({ family, event_ts: daysAgo(days) });

// A stand-in for the projections: it follows PAUSE_BLUR, the type of every row above.
const follower: Projection = { name: "retention-follower", eventTypes: ["PAUSE_BLUR"], tables: [], apply: async () => {} };

async function remaining(db: Database): Promise<Record<string, number>> {
  const rows = await db.rows<{ what: string; n: number }>(sql`
    select family as what, count(*)::int as n from events group by family
    union all select 'behavioral_features', count(*)::int from behavioral_features
    union all select 'game_sessions', count(*)::int from game_sessions
    union all select 'counter_events', count(*)::int from counter_events
    union all select 'quarantined_events', count(*)::int from quarantined_events`);
  return Object.fromEntries(rows.map((row) => [row.what, row.n]));
}

describe.each(databaseTargets())("the retention purge on %s", (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb(driver);
    await appendVisible(db, [aged("exam", 5000), aged("study", 800), aged("study", 700), aged("game", 100), aged("game", 80), aged("sync", 731), aged("sync", 2)]);
    for (const [days, session] of [[400, randomUUID()], [100, randomUUID()]] as const) {
      await db.rows(sql`insert into game_sessions (id, student_id, started_at, game_version) values (${session}, ${randomUUID()}, ${daysAgo(days)}, '1.0')`);
      await db.rows(sql`insert into behavioral_features (session_id, student_id, features_json, created_at) values (${session}, ${randomUUID()}, '{}', ${daysAgo(days)})`);
    }
    for (const days of [40, 10]) await db.rows(sql`insert into counter_events (viewer_id, event, created_at) values (${randomUUID()}, 'suggestion_shown', ${daysAgo(days)})`);
    for (const days of [40, 10]) {
      const learner = randomUUID();
      await db.rows(sql`insert into quarantined_events (received_at, user_id, code, message, issues, raw_json) values (${daysAgo(days)}, ${learner}, 'invalid_payload', 'bad', '[]', '{}')`);
      await db.rows(sql`insert into quarantine_daily_counts (user_id, day, received) values (${learner}, (${daysAgo(days)}::timestamptz at time zone 'utc')::date, 1)`);
    }
  });
  afterAll(async () => {
    await db?.close();
  });

  it("never purges an event a projection has not applied yet", async () => {
    const eventsOnly: RetentionPolicy = { ...policy, gameFeatures: null, counterRows: null, quarantine: null };
    const purged = await purgeExpired(db, eventsOnly, [follower], now, { actor: "test" });
    expect(purged.map((target) => target.rows)).toEqual([0, 0, 0]);
    expect(await remaining(db)).toMatchObject({ exam: 1, study: 2, game: 2, sync: 2 });
  });

  it("counts in a dry run exactly what the real run then deletes, and nothing before", async () => {
    await catchUp(db, follower);
    const before = await remaining(db);
    const dryRun = await purgeExpired(db, policy, [follower], now, { actor: "test", dryRun: true });
    expect(await remaining(db)).toEqual(before);
    const purged = await purgeExpired(db, policy, [follower], now, { actor: "test" });
    expect(purged).toEqual(dryRun);
    expect(purged.map((target) => [target.what, target.rows])).toEqual([
      ["study events", 1],
      ["game events", 1],
      ["sync events", 1],
      ["game features and session summaries", 2],
      ["raw counter rows", 1],
      ["quarantined events and their daily counts", 2],
    ]);
  });

  it("keeps exam events, the young rows and the aggregates; each purge leaves an audit row", async () => {
    expect(await remaining(db)).toEqual({ exam: 1, study: 1, game: 1, sync: 1, behavioral_features: 1, game_sessions: 1, counter_events: 1, quarantined_events: 1 });
    const audit = await db.rows<{ family: string; events_deleted: number; reason: string }>(
      sql`select family, events_deleted, reason from purge_audit where actor = 'test' order by id`,
    );
    expect(audit.map((row) => [row.family, row.events_deleted])).toEqual([
      ["study", 1],
      ["game", 1],
      ["sync", 1],
      ["game features", 2],
      ["counter rows", 1],
      ["quarantined events", 2],
    ]);
    expect(audit[0]!.reason).toBe("retention: study events are kept 730 days");
    expect(await eventsPurgedByRetention(db.orm)).toMatchObject({ events: 3 });
  });

  it("finds nothing more on the next run and writes no audit row for it", async () => {
    const again = await purgeExpired(db, policy, [follower], now, { actor: "test" });
    expect(again.every((target) => target.rows === 0)).toBe(true);
    const [audit] = await db.rows<{ n: number }>(sql`select count(*)::int as n from purge_audit`);
    expect(audit!.n).toBe(6);
  });
});

describe.each(databaseTargets())("retention and the Parquet export on %s", (driver) => {
  let db: Database;
  const outDir = mkdtempSync(join(tmpdir(), "chronicle-retention-export-"));
  beforeAll(async () => {
    db = await createTestDb(driver);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it("waits, once the export is in use, until an expired event is in an exported file", async () => {
    const eventsOnly: RetentionPolicy = { ...policy, gameFeatures: null, counterRows: null, quarantine: null };
    await appendVisible(db, [aged("study", 800)]);
    await exportEvents(db, { outDir, actor: "test" });
    const late = aged("study", 900);
    await appendVisible(db, [late]);
    await catchUp(db, follower);

    const held = await purgeExpired(db, eventsOnly, [follower], now, { actor: "test" });
    expect(held.find((t) => t.what === "study events")?.rows).toBe(1);
    expect((await db.rows<{ id: string }>(sql`select id::text as id from events`)).map((r) => r.id)).toEqual([late.id]);

    await exportEvents(db, { outDir, actor: "test" });
    const released = await purgeExpired(db, eventsOnly, [follower], now, { actor: "test" });
    expect(released.find((t) => t.what === "study events")?.rows).toBe(1);
    expect((await db.rows(sql`select id from events`)).length).toBe(0);
  });
});

describe.each(databaseTargets())("retention of the log's month partitions on %s", (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb(driver);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("drops a family's month once all of it is past the cutoff, keeps the month that is not, and counts the same in a dry run", async () => {
    await ensureEventPartitions(db.orm, ["game", "exam"], new Date("2030-01-01T00:00:00Z"), 1);
    const january = pauseEvent({ family: "game", event_ts: "2030-01-10T00:00:00Z" });
    const february = pauseEvent({ family: "game", event_ts: "2030-02-20T00:00:00Z" });
    const exam = pauseEvent({ family: "exam", event_ts: "2030-01-10T00:00:00Z" });
    await appendVisible(db, [january, february, exam]);
    await catchUp(db, follower);
    // Game events are kept 90 days: on 15 May the cutoff is 14 February, past all of January only.
    const later = new Date("2030-05-15T12:00:00Z");
    const eventsOnly: RetentionPolicy = { ...policy, gameFeatures: null, counterRows: null, quarantine: null };
    const dryRun = await purgeExpired(db, eventsOnly, [follower], later, { actor: "test", dryRun: true });
    const purged = await purgeExpired(db, eventsOnly, [follower], later, { actor: "test" });
    expect(purged).toEqual(dryRun);
    expect(purged.find((t) => t.what === "game events")?.rows).toBe(1);
    const names = (await listEventPartitions(db.orm)).map((p) => p.name);
    expect(names).not.toContain("events_game_2030_01");
    expect(names).toEqual(expect.arrayContaining(["events_game_2030_02", "events_exam_2030_01"]));
    expect((await db.rows<{ id: string }>(sql`select id::text as id from events order by event_ts`)).map((r) => r.id)).toEqual([exam.id, february.id]);
  });
});
