import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { movableClock, sendGameEvents, type ScriptedEvent } from "../../game/testing/game-session-script.ts";
import { createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";

// A hand-built session: 21 game events over three batches (12:00, 12:02, 12:05), closed at 12:10.
const atNoon: ScriptedEvent[] = [
  { type: "mission_start", data: { difficulty: "medium" } },
  { type: "task_start", data: { task_id: "t1", expected_duration_seconds: 120 } },
  { type: "task_start", data: { task_id: "t2", expected_duration_seconds: 60 } },
  { type: "task_start", data: { task_id: "t3" } },
];
const twoMinutesLater: ScriptedEvent[] = [
  { type: "task_complete", data: { task_id: "t1", duration_seconds: 100 } },
  { type: "failure", data: { task_id: "t2" } },
  { type: "failure", data: { task_id: "t2" } },
  { type: "recovery", data: { task_id: "t2" } },
  { type: "distraction", data: { duration_seconds: 20 } },
  { type: "retry", data: { task_id: "t2" } },
  { type: "collaboration", data: { peer_count: 2 } },
  { type: "help_given" },
];
const fiveMinutesLater: ScriptedEvent[] = [
  { type: "task_complete", data: { task_id: "t2" } },
  { type: "task_complete", data: { task_id: "t9", duration_seconds: 10 } },
  { type: "restart" },
  { type: "failure" },
  { type: "leadership" },
  { type: "initiative" },
  { type: "help_received" },
  { type: "distraction" },
  { type: "choice_made", data: { choice: "help_friend" } },
];

// Worked out by hand from the events above.
const expectedFeatures = {
  task_completion_rate: 0.6667, // started {t1, t2, t3}; of those completed {t1, t2}: 2/3 (t9 never started)
  time_efficiency: 0.6, // t1: min(1, 120/100) = 1; t2: 60 / (12:05 − 12:00 = 300 s) = 0.2; mean 0.6
  retry_count: 2, // 1 retry + 1 restart
  recovery_rate: 0.3333, // (1 recovery + 0 successes after failure) / 3 failures
  distraction_resistance: 0.9048, // 1 − 2/21
  focus_duration: 5, // 12:00 → 12:05 (the close at 12:10 is not one of the session's events)
  collaboration_indicators: 3, // collaboration + help_given + help_received
  leadership_indicators: 2, // leadership + initiative
};

describe.each(databaseTargets())("game.closeSession on %s", (driver) => {
  let server: TestServer;
  const clock = movableClock("2025-11-13T12:00:00Z");
  beforeAll(async () => {
    server = await createTestServer(driver, {}, () => clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function playSession(student: string, session: string) {
    await sendGameEvents(server, clock, "2025-11-13T12:00:00Z", student, session, atNoon);
    await sendGameEvents(server, clock, "2025-11-13T12:02:00Z", student, session, twoMinutesLater);
    await sendGameEvents(server, clock, "2025-11-13T12:05:00Z", student, session, fiveMinutesLater);
    clock.set("2025-11-13T12:10:00Z");
  }

  it("answers seed 003's close response with the eight features of the hand-built session", async () => {
    const student = makeLearner();
    const session = randomUUID();
    await playSession(student, session);
    const closed = await server.service(randomUUID()).game.closeSession({ sessionId: session });
    expect(closed).toEqual({
      session_id: session,
      status: "closed",
      started_at: "2025-11-13T12:00:00.000Z",
      ended_at: "2025-11-13T12:10:00.000Z",
      message: "Session closed and behavioral features extracted",
      features: expectedFeatures,
    });
    await server.settle();
    const stored = await server.callerFor({ userId: randomUUID(), role: "admin", scopes: [] }).game.features({ sessionId: session });
    expect(stored).toMatchObject({ session_id: session, student_id: student, closed_at: "2025-11-13T12:10:00.000Z", formula_version: 2, features: expectedFeatures });
    expect(stored.inputs).toMatchObject({ events_total: 21, failures: 3, distractions: 2, tasks_started: 3, tasks_completed: 2, tasks_timed: 2 });
    const [columns] = await server.db.rows<{ retry_count: number; recovery_rate: number }>(
      sql`select retry_count, recovery_rate from behavioral_features where session_id = ${session}::uuid`,
    );
    expect(columns!.retry_count).toBe(2);
    expect(columns!.recovery_rate).toBeCloseTo(1 / 3, 4);
  });

  it("gives the same answer when closed twice, appends one session_closed, and ignores events after the close", async () => {
    const student = makeLearner();
    const session = randomUUID();
    await playSession(student, session);
    const first = await server.service(randomUUID()).game.closeSession({ sessionId: session });
    await sendGameEvents(server, clock, "2025-11-13T12:20:00Z", student, session, [{ type: "distraction" }, { type: "retry" }]);
    const beforeProjection = await server.service(randomUUID()).game.closeSession({ sessionId: session });
    await server.settle();
    const afterProjection = await server.learner(student).game.closeSession({ sessionId: session });
    expect(beforeProjection).toEqual(first);
    expect(afterProjection).toEqual(first);
    const closes = await server.db.rows<{ id: string; user_id: string; payload: unknown }>(
      sql`select id::text as id, user_id::text as user_id, payload_json as payload from events
           where session_id = ${session}::uuid and event_type = 'session_closed'`,
    );
    expect(closes).toEqual([{ id: expect.any(String), user_id: student, payload: { game_version: "1.0.0" } }]);
  });

  it("lets the learner who owns the session close it, and nobody else", async () => {
    const student = makeLearner();
    const session = randomUUID();
    await sendGameEvents(server, clock, "2025-11-13T12:00:00Z", student, session, atNoon);
    await expect(server.learner(makeLearner()).game.closeSession({ sessionId: session })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: `Session '${session}' is not yours.`,
    });
    await expect(server.service(randomUUID(), []).game.closeSession({ sessionId: session })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/events:game/),
    });
    await expect(server.callerFor({ userId: randomUUID(), role: "admin", scopes: [] }).game.closeSession({ sessionId: session })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(server.learner(student).game.closeSession({ sessionId: session })).resolves.toMatchObject({ status: "closed" });
  });

  it("answers NOT_FOUND for a session that has no game events", async () => {
    const unknown = randomUUID();
    await expect(server.service(randomUUID()).game.closeSession({ sessionId: unknown })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `Game session '${unknown}' does not exist; send its game events before closing it.`,
    });
    await expect(server.callerFor({ userId: randomUUID(), role: "admin", scopes: [] }).game.features({ sessionId: unknown })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps features from learners' eyes and refuses a session_closed sent by a producer", async () => {
    const student = makeLearner();
    const session = randomUUID();
    await sendGameEvents(server, clock, "2025-11-13T12:00:00Z", student, session, atNoon);
    await expect(server.learner(student).game.features({ sessionId: session })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const forged = await server.service(randomUUID()).telemetry.ingestGameBatch({
      batch_id: "forged",
      client_version: "1.0.0",
      events: [{ event_id: randomUUID(), student_id: student, event_type: "session_closed", timestamp: "2025-11-13T12:00:00Z", data: {}, session_id: session }],
    });
    expect(forged.results[0]).toMatchObject({ status: "rejected", code: "emitter_not_allowed" });
  });
});
