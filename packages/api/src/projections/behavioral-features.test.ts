import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { movableClock, sendGameEvents } from "../game/testing/game-session-script.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";

describe.each(databaseTargets())("the behavioral-features projection on %s", (driver) => {
  let server: TestServer;
  const clock = movableClock("2025-11-13T12:00:00Z");
  const admin = () => server.callerFor({ userId: randomUUID(), role: "admin", scopes: [] });
  beforeAll(async () => {
    server = await createTestServer(driver, {}, () => clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("reads only the events before the close in the log, not those with an earlier time logged after it", async () => {
    const student = makeLearner();
    const session = randomUUID();
    await sendGameEvents(server, clock, "2025-11-13T12:00:00Z", student, session, [{ type: "failure" }, { type: "recovery" }]);
    await sendGameEvents(server, clock, "2025-11-13T12:04:00Z", student, session, [{ type: "distraction" }, { type: "help_given" }]);
    clock.set("2025-11-13T12:06:00Z");
    const closed = await server.service(randomUUID()).game.closeSession({ sessionId: session });
    // Logged after the close although its ingest time is earlier (a slow request committing late).
    await sendGameEvents(server, clock, "2025-11-13T12:02:00Z", student, session, [{ type: "failure" }, { type: "distraction" }]);
    await server.settle();
    const stored = await admin().game.features({ sessionId: session });
    // 4 events before the close: recovery 1/1, resistance 1 − 1/4, focus 12:00 → 12:04.
    expect(stored.features).toEqual({
      task_completion_rate: 0,
      time_efficiency: 0,
      retry_count: 0,
      recovery_rate: 1,
      distraction_resistance: 0.75,
      focus_duration: 4,
      collaboration_indicators: 1,
      leadership_indicators: 0,
    });
    expect(stored.features).toEqual(closed.features);
    expect(stored.inputs).toMatchObject({ events_total: 4, first_event_at: "2025-11-13T12:00:00.000Z", last_event_at: "2025-11-13T12:04:00.000Z" });
  });
  const startedAt = async (session: string) =>
    (await server.db.rows<{ started_at: string }>(sql`select to_char(started_at at time zone 'UTC', 'HH24:MI:SS') as started_at from game_sessions where id = ${session}::uuid`))[0]!.started_at;

  it("a bulk sender: a 15-minute session sent in one batch gives 15 minutes, on the game's own time line", async () => {
    const student = makeLearner();
    const session = randomUUID();
    const at = (hhmm: string) => `2025-11-14T${hhmm}:00Z`;
    // The game's clock runs 2 hours ahead; the whole session arrives at 13:00 in one batch.
    await sendGameEvents(server, clock, at("13:00"), student, session, [
      { type: "mission_start", timestamp: at("14:45") },
      { type: "task_start", timestamp: at("14:46"), data: { task_id: "t1", expected_duration_seconds: 300 } },
      { type: "task_complete", timestamp: at("14:56"), data: { task_id: "t1" } },
      { type: "mission_complete", timestamp: at("15:00") },
    ]);
    clock.set(at("13:01"));
    const closed = await server.service(randomUUID()).game.closeSession({ sessionId: session });
    await server.settle();
    const stored = await admin().game.features({ sessionId: session });
    // 12:45 → 13:00 on the line; the task took 10 minutes for an expected 5: 300 / 600.
    expect(stored.features).toMatchObject({ focus_duration: 15, time_efficiency: 0.5 });
    expect(closed.features).toEqual(stored.features);
    expect(stored.inputs).toMatchObject({ first_event_at: "2025-11-14T12:45:00.000Z", last_event_at: "2025-11-14T13:00:00.000Z" });
    expect(closed.started_at).toBe("2025-11-14T12:45:00.000Z");
    expect(await startedAt(session)).toBe("12:45:00");
  });

  it("a live sender: each event sent as it happens sits at its receipt, however wrong the game's clock", async () => {
    const student = makeLearner();
    const session = randomUUID();
    const at = (hhmm: string) => `2025-11-15T${hhmm}:00Z`;
    await sendGameEvents(server, clock, at("09:00"), student, session, [{ type: "mission_start", timestamp: at("03:00") }]);
    await sendGameEvents(server, clock, at("09:03"), student, session, [{ type: "task_start", timestamp: at("03:03"), data: { task_id: "t", expected_duration_seconds: 120 } }]);
    await sendGameEvents(server, clock, at("09:07"), student, session, [{ type: "task_complete", timestamp: at("03:07"), data: { task_id: "t" } }]);
    clock.set(at("09:08"));
    await server.service(randomUUID()).game.closeSession({ sessionId: session });
    await server.settle();
    const stored = await admin().game.features({ sessionId: session });
    // 09:00 → 09:07; the task took 4 minutes for an expected 2.
    expect(stored.features).toMatchObject({ focus_duration: 7, time_efficiency: 0.5 });
    expect(await startedAt(session)).toBe("09:00:00");
  });
});
