import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import { appendEvents, type Database, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { pgTable, text } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoggedEvent, Projection } from "./projection.ts";
import { rebuildAggregates } from "./rebuild-aggregates.ts";
import { catchUp, runProjectionOnce } from "./run-projection.ts";
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
