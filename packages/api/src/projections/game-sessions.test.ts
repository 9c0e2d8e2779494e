import { databaseTargets } from "@chronicle/db/testing";
import { sql, type SQL } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gameBatch, movableClock, sendGameEvents } from "../game/testing/game-session-script.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";
import { behavioralFeaturesProjection } from "./behavioral-features.ts";
import { gameSessionsProjection } from "./game-sessions.ts";
import { rebuildAggregates } from "./rebuild-aggregates.ts";

const utcIso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

interface GameSessionRow {
  id: string;
  student_id: string;
  started_at: string;
  ended_at: string | null;
  mission_id: string | null;
  game_version: string;
  events_count: number;
}

const readSession = async (server: TestServer, id: string) =>
  (
    await server.db.rows<GameSessionRow>(
      sql`select id::text as id, student_id::text as student_id, ${utcIso(sql`started_at`)} as started_at,
                 ${utcIso(sql`ended_at`)} as ended_at, mission_id, game_version, events_count
            from game_sessions where id = ${id}::uuid`,
    )
  )[0];

describe.each(databaseTargets())("the game-sessions projection on %s", (driver) => {
  let server: TestServer;
  const clock = movableClock("2025-11-13T12:00:00Z");
  beforeAll(async () => {
    server = await createTestServer(driver, {}, () => clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("counts each event once whatever the order and however often it is sent, and ends at the close", async () => {
    const student = makeLearner();
    const session = randomUUID();
    const choice = { type: "choice_made", data: { choice: "left" }, id: randomUUID() };
    const later = gameBatch(student, session, [choice, { type: "retry" }]);
    // The later batch is logged first; the earlier one (by ingest time) arrives after it.
    clock.set("2025-11-13T12:05:00Z");
    await server.service(randomUUID()).telemetry.ingestGameBatch(later);
    await sendGameEvents(server, clock, "2025-11-13T12:00:00Z", student, session, [{ type: "mission_start" }]);
    // The same batch again, and a repeat inside one batch: duplicates, never counted twice.
    await server.service(randomUUID()).telemetry.ingestGameBatch(later);
    await server.service(randomUUID()).telemetry.ingestGameBatch(gameBatch(student, session, [choice, choice]));
    await server.settle();
    expect(await readSession(server, session)).toEqual({
      id: session,
      student_id: student,
      started_at: "2025-11-13T12:00:00Z",
      ended_at: null,
      mission_id: "mission-alpha",
      game_version: "1.0.0",
      events_count: 3,
    });

    clock.set("2025-11-13T12:30:00Z");
    await server.learner(student).game.closeSession({ sessionId: session });
    await sendGameEvents(server, clock, "2025-11-13T12:40:00Z", student, session, [{ type: "pause" }]);
    await server.settle();
    expect(await readSession(server, session)).toMatchObject({ ended_at: "2025-11-13T12:30:00Z", events_count: 4 });
  });

  it("rebuilds game_sessions and behavioral_features from the log to exactly the incremental rows", async () => {
    const student = makeLearner();
    const session = randomUUID();
    await sendGameEvents(server, clock, "2025-11-13T13:00:00Z", student, session, [
      { type: "task_start", data: { task_id: "a", expected_duration_seconds: 30 } },
      { type: "failure" },
    ]);
    await sendGameEvents(server, clock, "2025-11-13T13:01:00Z", student, session, [{ type: "task_complete", data: { task_id: "a" } }, { type: "recovery" }]);
    clock.set("2025-11-13T13:02:00Z");
    await server.service(randomUUID()).game.closeSession({ sessionId: session });
    await sendGameEvents(server, clock, "2025-11-13T13:03:00Z", student, session, [{ type: "distraction" }]);
    await server.settle();
    const snapshot = () =>
      Promise.all([
        server.db.rows(sql`select * from game_sessions order by id`),
        server.db.rows(sql`select * from behavioral_features order by session_id`),
      ]);
    const incremental = await snapshot();
    await rebuildAggregates(server.db, [gameSessionsProjection, behavioralFeaturesProjection]);
    expect(await snapshot()).toEqual(incremental);
    expect(incremental[1].length).toBeGreaterThan(0);
  });
});
