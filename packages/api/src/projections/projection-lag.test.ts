import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import type { Database } from "@chronicle/db";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Projection } from "./projection.ts";
import { measureProjectionLag } from "./projection-lag.ts";
import { catchUp } from "./run-projection.ts";
import { appendVisible, pauseEvent } from "./testing/log-fixtures.ts";

// Follows PAUSE_BLUR only; applying does nothing, the lag measure is what is under test.
const pauseWatcher: Projection = { name: "pause-watcher", eventTypes: ["PAUSE_BLUR"], tables: [], apply: async () => {} };

describe.each(databaseTargets())("projection lag on %s", (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb(driver);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("counts only the pending events of the projection's own types, reports their age, and is zero once caught up", async () => {
    const others = Array.from({ length: 4 }, () => pauseEvent({ event_type: "QUESTION_VIEWED", payload_json: {} }));
    await appendVisible(db, [...others, pauseEvent(), pauseEvent(), pauseEvent()]);
    await sleep(20);

    const [behind] = await measureProjectionLag(db.orm, [pauseWatcher]);
    expect(behind).toMatchObject({ name: "pause-watcher", pendingEvents: 3, pendingCapped: false, eventsApplied: 0 });
    expect(behind!.lagSeconds).toBeGreaterThan(0);
    expect(Date.parse(behind!.oldestPendingAt!)).toBeLessThan(Date.now());

    await catchUp(db, pauseWatcher);
    const [caughtUp] = await measureProjectionLag(db.orm, [pauseWatcher]);
    expect(caughtUp).toEqual({ name: "pause-watcher", pendingEvents: 0, pendingCapped: false, lagSeconds: 0, oldestPendingAt: null, eventsApplied: 3 });
  });

  it("stops counting at the cap and says the figure is a lower bound", async () => {
    await appendVisible(db, Array.from({ length: 5 }, () => pauseEvent()));
    const [lag] = await measureProjectionLag(db.orm, [pauseWatcher], 2);
    expect(lag).toMatchObject({ pendingEvents: 2, pendingCapped: true });
    const [exact] = await measureProjectionLag(db.orm, [pauseWatcher], 5);
    expect(exact).toMatchObject({ pendingEvents: 5, pendingCapped: false });
  });
});
