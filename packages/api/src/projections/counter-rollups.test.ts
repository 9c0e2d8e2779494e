import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { movableClock } from "../game/testing/game-session-script.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";
import { rebuildCounterRollups } from "./counter-rollups.ts";

const totals = (server: TestServer) =>
  server.db.rows<{ viewer_id: string; event: string; day: string; total: number }>(
    sql`select viewer_id::text as viewer_id, event, day::text as day, total from counter_daily_totals order by viewer_id, event, day`,
  );

describe.each(databaseTargets())("counter rollups on %s", (driver) => {
  let server: TestServer;
  const clock = movableClock("2025-11-12T23:59:00Z");
  beforeAll(async () => {
    server = await createTestServer(driver, {}, () => clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("keeps daily totals per viewer, event and UTC day as counts arrive, equal to a rebuild from the rows", async () => {
    const viewer = makeLearner();
    const other = makeLearner();
    await server.learner(viewer).counters.ingest({ event: "suggestion_shown", count: 3 });
    clock.set("2025-11-13T00:01:00Z");
    await server.learner(viewer).counters.ingest({ event: "suggestion_shown", count: 2 });
    await server.learner(viewer).counters.ingest({ event: "suggestion_shown", count: 70 }); // clamped to 50
    await server.learner(viewer).counters.ingest({ event: "suggestion_undo", count: 1 });
    await server.learner(other).counters.ingest({ event: "suggestion_shown", count: 4 });

    const incremental = await totals(server);
    expect(incremental.filter((row) => row.viewer_id === viewer)).toEqual([
      { viewer_id: viewer, event: "suggestion_shown", day: "2025-11-12", total: 3 },
      { viewer_id: viewer, event: "suggestion_shown", day: "2025-11-13", total: 52 },
      { viewer_id: viewer, event: "suggestion_undo", day: "2025-11-13", total: 1 },
    ]);
    await server.db.rows(sql`update counter_daily_totals set total = 999`);
    expect(await rebuildCounterRollups(server.db)).toBe(incremental.length);
    expect(await totals(server)).toEqual(incremental);
  });

  it("leaves the totals of days whose raw rows were purged as they were", async () => {
    const viewer = makeLearner();
    clock.set("2025-11-14T10:00:00Z");
    await server.learner(viewer).counters.ingest({ event: "suggestion_accepted", count: 5 });
    const before = await totals(server);
    await server.db.rows(sql`delete from counter_events where created_at < '2025-11-14T00:00:00Z'`);
    await rebuildCounterRollups(server.db);
    expect(await totals(server)).toEqual(before);
  });
});
