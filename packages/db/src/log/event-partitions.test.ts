import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../client/database.ts";
import { sqlFailure } from "../client/sql-error.ts";
import { makeLogEvent } from "../testing/log-event.ts";
import { createTestDb, databaseTargets } from "../testing/test-databases.ts";
import { appendEvents, findStoredContentHashes, type NewEvent } from "./append-events.ts";
import { ensureEventPartitions, listEventPartitions } from "./event-partitions.ts";

const families = ["exam", "study", "game", "sync"];

/** A game event unless told otherwise: game is the family retention drops months of here. */
const makeEvent = (overrides: Partial<NewEvent> = {}): NewEvent => makeLogEvent({ family: "game", ...overrides });

async function partitionOf(db: Database, id: string): Promise<string | null> {
  const [row] = await db.rows<{ part: string }>(sql`select tableoid::regclass::text as part from events where id = ${id}`);
  return row?.part ?? null;
}

async function purgeGame(db: Database, before: string, through: { txId: number; ingestSeq: number } | null = null): Promise<number> {
  const [row] = await db.rows<{ deleted: number }>(
    sql`select chronicle_purge_events('retention test', 'game events are kept a while', null, 'game', ${before}::timestamptz,
                                      ${through?.txId ?? null}::bigint, ${through?.ingestSeq ?? null}::bigint) as deleted`,
  );
  return Number(row!.deleted);
}

/** The log in years no other suite writes to (2031–2035), so what each test sees is its own. */
describe.each(databaseTargets())("the partitioned log on %s", (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb(driver);
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("starts with every family's sub-log, default partition and current month", async () => {
    const month = new Date().toISOString().slice(0, 7);
    const partitions = await listEventPartitions(db.orm);
    for (const family of families) {
      expect(partitions.filter((p) => p.family === family).map((p) => p.month)).toEqual([month, null]);
    }
  });

  it("creates each family's months ahead once, however many callers ask at the same time", async () => {
    const from = new Date("2031-01-15T10:00:00Z");
    const created = await Promise.all([1, 2, 3].map(() => ensureEventPartitions(db.orm, families, from, 2)));
    expect(created.reduce((sum, n) => sum + n, 0)).toBe(families.length * 3);
    expect(await ensureEventPartitions(db.orm, families, from, 2)).toBe(0);
    const game = (await listEventPartitions(db.orm)).filter((p) => p.family === "game" && p.month?.startsWith("2031"));
    expect(game.map((p) => p.name)).toEqual(["events_game_2031_01", "events_game_2031_02", "events_game_2031_03"]);
  });

  it("routes an event to its family's UTC month, and one no month covers to the family's default partition", async () => {
    const january = makeEvent({ event_ts: "2031-01-31T23:59:59.999Z" });
    const february = makeEvent({ event_ts: "2031-02-01T00:00:00Z" });
    const exam = makeEvent({ family: "exam", event_ts: "2031-02-01T00:00:00Z" });
    const uncovered = makeEvent({ event_ts: "2035-06-01T00:00:00Z" });
    await appendEvents(db.orm, [january, february, exam, uncovered]);
    expect(await partitionOf(db, january.id)).toBe("events_game_2031_01");
    expect(await partitionOf(db, february.id)).toBe("events_game_2031_02");
    expect(await partitionOf(db, exam.id)).toBe("events_exam_2031_02");
    expect(await partitionOf(db, uncovered.id)).toBe("events_game_default");
  });

  it("keeps an event id unique across months: a retry or a conflict in another month is not stored", async () => {
    const first = makeEvent({ event_ts: "2031-01-10T00:00:00Z" });
    await appendEvents(db.orm, [first]);
    const laterRetry = { ...first, event_ts: "2031-03-10T00:00:00Z" };
    const conflict = { ...first, event_ts: "2031-02-10T00:00:00Z", content_hash: "hash-b" };
    expect(await appendEvents(db.orm, [laterRetry, conflict])).toEqual(new Set());
    const [row] = await db.rows<{ n: number }>(sql`select count(*)::int as n from events where id = ${first.id}`);
    expect(row!.n).toBe(1);
    expect(await findStoredContentHashes(db.orm, [first.id])).toEqual(new Map([[first.id, "hash-a"]]));
  });

  it("claims the id of a raw insert into the log, as of appendEvents, in the same transaction and after it", async () => {
    const appended = makeEvent({ event_ts: "2031-01-12T00:00:00Z" });
    const fresh = makeEvent({ event_ts: "2031-01-13T00:00:00Z" });
    const rawInsert = (event: NewEvent, hash: string) =>
      sql`insert into events (id, event_version, event_type, family, event_ts, session_id, user_id, payload_json, content_hash)
          values (${event.id}, 1, 'PAUSE_BLUR', 'game', ${event.event_ts}, ${event.session_id}, ${event.user_id}, '{"state":"blur"}', ${hash})
          returning id::text as id`;
    const written = await db.transaction(async (tx) => {
      await appendEvents(tx, [appended]);
      const again = await rowsOf<{ id: string }>(tx, rawInsert(appended, "hash-other"));
      const other = await rowsOf<{ id: string }>(tx, rawInsert(fresh, "hash-fresh"));
      return { again: again.length, other: other.length };
    });
    expect(written).toEqual({ again: 0, other: 1 });
    expect(await findStoredContentHashes(db.orm, [appended.id, fresh.id])).toEqual(
      new Map([
        [appended.id, "hash-a"],
        [fresh.id, "hash-fresh"],
      ]),
    );
    // A second raw insert of the fresh id is skipped by the trigger too.
    expect(await db.rows(rawInsert(fresh, "hash-fresh"))).toEqual([]);
  });

  it("leaves a month whose events already sit in the default partition there, rather than fail or move them", async () => {
    expect(await ensureEventPartitions(db.orm, ["game"], new Date("2035-06-10T00:00:00Z"), 1)).toBe(1);
    const names = (await listEventPartitions(db.orm)).map((p) => p.name);
    expect(names).toContain("events_game_2035_07");
    expect(names).not.toContain("events_game_2035_06");
  });

  it("retention drops a whole month once it is past the cutoff, with its ids, and deletes only the default partition's expired rows", async () => {
    await ensureEventPartitions(db.orm, ["game"], new Date("2032-01-01T00:00:00Z"), 1);
    const january = [makeEvent({ event_ts: "2032-01-05T00:00:00Z" }), makeEvent({ event_ts: "2032-01-20T00:00:00Z" })];
    const february = makeEvent({ event_ts: "2032-02-03T00:00:00Z" });
    await appendEvents(db.orm, [...january, february]);
    const exam = makeEvent({ family: "exam", event_ts: "2031-01-05T00:00:00Z" });
    await appendEvents(db.orm, [exam]);
    const gameBefore = await db.rows<{ n: number }>(sql`select count(*)::int as n from events where family = 'game' and event_ts < '2032-02-10'`);

    // Cutoff in the middle of February: every 2031 month and January 2032 are wholly past it, February is not.
    const deleted = await purgeGame(db, "2032-02-10T00:00:00Z");
    const names = (await listEventPartitions(db.orm)).map((p) => p.name);
    expect(names.filter((name) => name.startsWith("events_game_203"))).toEqual(["events_game_2032_02", "events_game_2035_07"]);
    expect(names).toContain("events_exam_2031_01");
    expect(await partitionOf(db, february.id)).toBe("events_game_2032_02");
    expect(await partitionOf(db, exam.id)).toBe("events_exam_2031_01");
    for (const event of january) expect(await partitionOf(db, event.id)).toBeNull();
    expect(await findStoredContentHashes(db.orm, january.map((event) => event.id))).toEqual(new Map());
    // The default partition's 2035 event is younger than the cutoff and stays.
    const [left] = await db.rows<{ n: number }>(sql`select count(*)::int as n from events where family = 'game' and event_ts < '2032-02-10'`);
    expect(left!.n).toBe(1);
    expect(deleted).toBe(gameBefore[0]!.n - 1);
    const [audit] = await db.rows<{ events_deleted: number }>(
      sql`select events_deleted from purge_audit where family = 'game' and cutoff = '2032-02-10T00:00:00Z'::timestamptz`,
    );
    expect(audit!.events_deleted).toBe(deleted);
  });

  it("retention keeps a month that still holds an event past the given log position, and deletes expired default rows up to it", async () => {
    await ensureEventPartitions(db.orm, ["game"], new Date("2033-03-01T00:00:00Z"), 0);
    const applied = makeEvent({ event_ts: "2033-03-02T00:00:00Z" });
    await appendEvents(db.orm, [applied]);
    const [position] = await db.rows<{ tx_id: string; ingest_seq: string }>(
      sql`select tx_id::text, ingest_seq::text from events where id = ${applied.id}`,
    );
    const through = { txId: Number(position!.tx_id), ingestSeq: Number(position!.ingest_seq) };
    const pending = makeEvent({ event_ts: "2033-03-03T00:00:00Z" });
    const oldInDefault = makeEvent({ event_ts: "2030-05-01T00:00:00Z" });
    await appendEvents(db.orm, [pending, oldInDefault]);

    // February 2032 (one event, long applied) goes whole; March 2033 holds `pending`, past the
    // position, so it stays; oldInDefault came after the position too, so it stays as well.
    expect(await purgeGame(db, "2033-06-01T00:00:00Z", through)).toBe(1);
    expect((await listEventPartitions(db.orm)).map((p) => p.name)).not.toContain("events_game_2032_02");
    expect(await partitionOf(db, applied.id)).toBe("events_game_2033_03");
    expect(await partitionOf(db, oldInDefault.id)).toBe("events_game_default");

    expect(await purgeGame(db, "2033-06-01T00:00:00Z")).toBe(3);
    expect(await partitionOf(db, applied.id)).toBeNull();
    expect(await partitionOf(db, oldInDefault.id)).toBeNull();
  });

  it("refuses a retention purge without a family: each family has its own months", async () => {
    expect(await sqlFailure(db.rows(sql`select chronicle_purge_events('retention test', 'everything', null, null, now())`))).toMatch(/needs a family/);
  });
});
