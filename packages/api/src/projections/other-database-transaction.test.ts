import { databaseTargets } from "@chronicle/db/testing";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLiveEvents } from "../admin/live-events.ts";
import { movableClock, sendGameEvents } from "../game/testing/game-session-script.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";
import { readLogHead } from "./log-head.ts";
import { holdOpenTransactionInAnotherDatabase } from "./testing/log-fixtures.ts";

// Issue 9: a transaction left open in another database of the same server (another app, an
// operator's psql) used to hold back the server-wide horizon every reader stopped at.
describe.runIf(databaseTargets().includes("postgres"))("an open transaction in another database on PostgreSQL", () => {
  let server: TestServer;
  let foreign: Awaited<ReturnType<typeof holdOpenTransactionInAnotherDatabase>>;
  const clock = movableClock("2025-11-13T12:00:00Z");
  beforeAll(async () => {
    server = await createTestServer("postgres", {}, () => clock.now);
  });
  afterAll(async () => {
    await foreign?.release();
    await server?.close();
  });

  it("holds back neither the projections, nor admin.live, nor game.closeSession", async () => {
    foreign = await holdOpenTransactionInAnotherDatabase();
    const start = await readLogHead(server.db.orm);
    const student = makeLearner();
    const session = randomUUID();
    await sendGameEvents(server, clock, "2025-11-13T12:00:00Z", student, session, [
      { type: "mission_start", data: { difficulty: "easy" } },
      { type: "task_start", data: { task_id: "t1", expected_duration_seconds: 60 } },
    ]);
    await sendGameEvents(server, clock, "2025-11-13T12:01:00Z", student, session, [{ type: "task_complete", data: { task_id: "t1", duration_seconds: 60 } }]);

    // admin.live streams the events committed after the foreign transaction began.
    const live = await readLiveEvents(server.db.orm, start);
    expect(live.map((e) => e.type)).toEqual(["mission_start", "task_start", "task_complete"]);

    // closeSession answers at once (it used to wait up to 2 s for the horizon, then give up).
    clock.set("2025-11-13T12:05:00Z");
    const started = performance.now();
    const closed = await server.service(randomUUID()).game.closeSession({ sessionId: session });
    const closeMs = performance.now() - started;
    expect(closed.features.task_completion_rate).toBe(1);
    expect(closeMs).toBeLessThan(1000);

    // The projections apply everything, the close included: its stored row exists.
    await server.settle();
    const stored = await server.callerFor({ userId: randomUUID(), role: "admin", scopes: [] }).game.features({ sessionId: session });
    expect(stored).toMatchObject({ session_id: session, student_id: student, closed_at: "2025-11-13T12:05:00.000Z" });
  });
});
