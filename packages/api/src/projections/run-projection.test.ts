import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import { appendEvents, createDb, type Database, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { pgTable, text } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoggedEvent, Projection } from "./projection.ts";
import { rebuildAggregates } from "./rebuild-aggregates.ts";
import { setTimeout as sleep } from "node:timers/promises";
import { catchUp, runProjectionOnce, tryRunProjectionOnce } from "./run-projection.ts";
import { appendVisible, holdOpenWriter, openSecondConnection, pauseEvent } from "./testing/log-fixtures.ts";

// A probe projection that records, in its own table, every event id it was given.
const seenEvents = pgTable("probe_seen_events", { eventId: text("event_id").primaryKey() });

function probe(failOn?: string): Projection {
  return {
    name: "probe",
    eventTypes: ["PAUSE_BLUR"],
    tables: [seenEvents],
    async apply(tx: Transaction, events: readonly LoggedEvent[]) {
      for (const event of events) {
        if (event.id === failOn) throw new Error("projection crashed mid-batch");
        await tx.insert(seenEvents).values({ eventId: event.id });
      }
    },
  };
}

async function seen(db: Database): Promise<string[]> {
  return (await db.rows<{ event_id: string }>(sql`select event_id from probe_seen_events order by event_id`)).map((r) => r.event_id);
}

describe.each(databaseTargets())("running a projection on %s", (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb(driver);
    await db.rows(sql`create table probe_seen_events (event_id text primary key)`);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("applies each event once, however often it runs", async () => {
    const events = [pauseEvent(), pauseEvent(), pauseEvent()];
    await appendVisible(db, events);
    expect(await catchUp(db, probe(), 2)).toBe(3);
    expect(await catchUp(db, probe(), 2)).toBe(0);
    expect(await seen(db)).toEqual(expect.arrayContaining(events.map((e) => e.id)));
  });

  it("keeps tables and checkpoint together when apply fails, so a retry neither skips nor repeats", async () => {
    const events = [pauseEvent(), pauseEvent()];
    await appendVisible(db, events);
    await expect(runProjectionOnce(db, probe(events[1]!.id))).rejects.toThrow(/crashed/);
    expect(await seen(db)).not.toContain(events[0]!.id);
    expect(await catchUp(db, probe())).toBe(2);
    expect(await seen(db)).toEqual(expect.arrayContaining(events.map((e) => e.id)));
  });

  it("rebuilds its tables from the log to the same rows", async () => {
    await appendVisible(db, [pauseEvent(), pauseEvent()]);
    await catchUp(db, probe());
    const incremental = await seen(db);
    await rebuildAggregates(db, [probe()]);
    expect(await seen(db)).toEqual(incremental);
  });
});

describe.runIf(databaseTargets().includes("postgres"))("concurrent writers on PostgreSQL", () => {
  let db: Database;
  let otherConnection: postgres.Sql;
  beforeAll(async () => {
    db = await createTestDb("postgres");
    await db.rows(sql`create table probe_seen_events (event_id text primary key)`);
    otherConnection = await openSecondConnection(db);
  });
  afterAll(async () => {
    await otherConnection?.end({ timeout: 5 });
    await db?.close();
  });

  it("never skips an event whose transaction commits late: later writers wait for its log position", async () => {
    const early = pauseEvent();
    const late = pauseEvent();
    // Writer A takes the lower ingest_seq and its log position, but holds its transaction open.
    const writerA = await holdOpenWriter(otherConnection, early);
    // Writer B takes a higher ingest_seq; its log position waits until A has finished.
    const writerB = appendEvents(db.orm, [late]);

    await catchUp(db, probe());
    // Writer A is still open, so nothing from it or from later transactions is read yet.
    expect(await seen(db)).toEqual([]);

    await writerA.commit();
    await writerB;
    await catchUp(db, probe());
    expect(await seen(db)).toEqual([early.id, late.id].sort());
  });
});

describe.runIf(databaseTargets().includes("postgres"))("two workers on one projection on PostgreSQL", () => {
  let db: Database;
  let otherWorker: Database;
  beforeAll(async () => {
    db = await createTestDb("postgres");
    await db.rows(sql`create table probe_seen_events (event_id text primary key)`);
    const [current] = await db.rows<{ name: string }>(sql`select current_database() as name`);
    const address = new URL(process.env.DATABASE_URL!);
    address.pathname = `/${current!.name}`;
    otherWorker = await createDb({ kind: "postgres", url: address.toString(), maxConnections: 2 }, { migrate: false });
  });
  afterAll(async () => {
    await otherWorker?.close();
    await db?.close();
  });

  it("skips a projection another worker is applying instead of waiting for it", async () => {
    const events = [pauseEvent(), pauseEvent()];
    await appendVisible(db, events);
    await catchUp(db, probe()); // the checkpoint row exists from here on
    await appendVisible(db, [pauseEvent()]);
    let release!: () => void;
    const mayFinish = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const isHeld = new Promise<void>((resolve) => (held = resolve));
    const holder = otherWorker.transaction(async (tx) => {
      await tx.execute(sql`select 1 from projection_checkpoints where name = 'probe' for update`);
      held();
      await mayFinish;
    });
    await isHeld;
    expect(await tryRunProjectionOnce(db, probe())).toBeNull();
    release();
    await holder;
    expect(await tryRunProjectionOnce(db, probe())).toBe(1);
  });

  it("takes over from a worker that froze inside its batch once the server ends the frozen session", async () => {
    await catchUp(db, probe());
    const pending = [pauseEvent(), pauseEvent(), pauseEvent()];
    await appendVisible(db, pending);
    let thaw!: () => void;
    const frozen = new Promise<void>((resolve) => (thaw = resolve));
    let entered!: () => void;
    const hasEntered = new Promise<void>((resolve) => (entered = resolve));
    // The other worker holds the checkpoint and then stops answering, as under SIGSTOP.
    const stalled = runProjectionOnce(otherWorker, {
      ...probe(),
      async apply() {
        entered();
        await frozen;
      },
    }).catch((error: unknown) => error);
    await hasEntered;
    expect(await tryRunProjectionOnce(db, probe())).toBeNull();

    // Its transaction is idle: the server ends it after the projection idle limit (10 s).
    let applied: number | null = null;
    for (let attempt = 0; attempt < 120 && applied === null; attempt += 1) {
      await sleep(250);
      applied = await tryRunProjectionOnce(db, probe());
    }
    expect(applied).toBe(pending.length);
    expect(await seen(db)).toEqual(expect.arrayContaining(pending.map((e) => e.id)));
    thaw();
    expect(await stalled).toBeInstanceOf(Error);
  });
});
