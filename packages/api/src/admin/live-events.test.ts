import { appendEvents, type Database } from "@chronicle/db";
import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLogHead } from "../projections/log-head.ts";
import { appendVisible, holdOpenWriter, openSecondConnection, pauseEvent } from "../projections/testing/log-fixtures.ts";
import { formatLivePosition, parseLivePosition, readLiveEvents } from "./live-events.ts";

describe("live stream positions", () => {
  it("round-trips a position through the SSE id and refuses ids the stream never sent", () => {
    const position = { txId: 7_301_245, ingestSeq: 1_000_001 };
    expect(parseLivePosition(formatLivePosition(position))).toEqual(position);
    for (const bad of ["", "12", "a.b", "1.2.3", "-1.2", "99999999999999999999.1"]) expect(parseLivePosition(bad)).toBeNull();
  });
});

describe.each(databaseTargets())("reading the live stream on %s", (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb(driver);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("sends the events after a position in log order, each position moving forward", async () => {
    const start = await readLogHead(db.orm);
    const events = [pauseEvent(), pauseEvent(), pauseEvent()];
    await appendVisible(db, events);
    const live = await readLiveEvents(db.orm, start);
    expect(live.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(live[0]).toMatchObject({ type: "PAUSE_BLUR", family: "exam", userId: events[0]!.user_id, sessionId: events[0]!.session_id });
    expect(await readLiveEvents(db.orm, live[1]!.position)).toEqual([live[2]]);
    expect(await readLiveEvents(db.orm, live[2]!.position)).toEqual([]);
  });
});

describe.runIf(databaseTargets().includes("postgres"))("the live stream with concurrent writers on PostgreSQL", () => {
  let db: Database;
  let otherConnection: postgres.Sql;
  beforeAll(async () => {
    db = await createTestDb("postgres");
    otherConnection = await openSecondConnection(db);
  });
  afterAll(async () => {
    await otherConnection?.end({ timeout: 5 });
    await db?.close();
  });

  it("never skips an event whose transaction commits late: a later writer waits for it", async () => {
    const start = await readLogHead(db.orm);
    const [early, late] = [pauseEvent(), pauseEvent()];
    // Writer A takes the lower ingest_seq and its log position, and holds its transaction open.
    const writerA = await holdOpenWriter(otherConnection, early);
    // Writer B cannot take a log position until A has finished, so it cannot commit first.
    const writerB = appendEvents(db.orm, [late]);

    // Sending anything now could move the stream past A for good; nothing is visible.
    expect(await readLiveEvents(db.orm, start)).toEqual([]);

    await writerA.commit();
    await writerB;
    expect((await readLiveEvents(db.orm, start)).map((e) => e.id)).toEqual([early.id, late.id]);
  });
});
