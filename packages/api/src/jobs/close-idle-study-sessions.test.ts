import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest, studyEvent, testClock } from "../study/study-test-kit.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";
import { closeIdleStudySessionsJob } from "./close-idle-study-sessions.ts";

describe.each(databaseTargets())("the close-idle-study-sessions job on %s", (driver) => {
  let server: TestServer;
  const clock = testClock("2025-05-05T09:00:00.000Z");
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  const sessionRow = async (id: string) =>
    (await server.db.rows<{ is_active: boolean; active_seconds: number; ended_at: string | null }>(
      sql`select is_active, active_seconds, to_char(ended_at at time zone 'UTC', 'HH24:MI') as ended_at from study_sessions where id = ${id}::uuid`,
    ))[0];

  it("ends a session idle for 30 minutes with a server session_end saying why, once, and counts its time once", async () => {
    const learner = makeLearner();
    const [idle, busy] = [randomUUID(), randomUUID()];
    clock.set("2025-05-05T09:00:00.000Z");
    await ingest(server, learner, [studyEvent("session_start", idle), studyEvent("session_start", busy)]);
    clock.set("2025-05-05T09:20:00.000Z");
    await ingest(server, learner, [studyEvent("material_open", idle)]);
    clock.set("2025-05-05T09:45:00.000Z");
    await ingest(server, learner, [studyEvent("material_open", busy)]);
    await server.settle();

    // 09:55: `idle` has been quiet for 35 minutes, `busy` for 10.
    await closeIdleStudySessionsJob.run(server.deps, new Date("2025-05-05T09:55:00.000Z"));
    await closeIdleStudySessionsJob.run(server.deps, new Date("2025-05-05T09:56:00.000Z"));
    await server.settle();

    const ends = await server.db.rows<{ session_id: string; payload: Record<string, unknown> }>(
      sql`select session_id::text as session_id, payload_json as payload from events where event_type = 'session_end' and user_id = ${learner}::uuid`,
    );
    expect(ends).toEqual([
      { session_id: idle, payload: { duration_seconds: 1200, active_seconds: 1200, materials_viewed: 1, questions_attempted: 0, xp_earned: expect.any(Number), reason: "inactivity" } },
    ]);
    // Ended when the rule fired: the last activity (09:20) + 30 minutes.
    expect(await sessionRow(idle)).toEqual({ is_active: false, active_seconds: 1200, ended_at: "09:50" });
    expect(await sessionRow(busy)).toMatchObject({ is_active: true });

    // The client's own end arrives late, with less time: study seconds stay 1200, counted once.
    clock.set("2025-05-05T10:00:00.000Z");
    await ingest(server, learner, [studyEvent("session_end", idle, { duration_seconds: 1100, active_seconds: 1000, materials_viewed: 1, questions_attempted: 0, xp_earned: 0 })]);
    await server.settle();
    const [day] = await server.db.rows<{ study_seconds: number }>(sql`select study_seconds from daily_user_stats where user_id = ${learner}::uuid`);
    expect(day).toEqual({ study_seconds: 1200 });
  });

  it("takes its timeout from CHRONICLE_STUDY_IDLE_MINUTES", async () => {
    const learner = makeLearner();
    const session = randomUUID();
    clock.set("2025-05-06T09:00:00.000Z");
    await ingest(server, learner, [studyEvent("session_start", session)]);
    await server.settle();
    const tenMinutes = { ...server.deps, env: { ...server.deps.env, CHRONICLE_STUDY_IDLE_MINUTES: 10 } };
    await closeIdleStudySessionsJob.run(tenMinutes, new Date("2025-05-06T09:11:00.000Z"));
    await server.settle();
    expect(await sessionRow(session)).toMatchObject({ is_active: false, ended_at: "09:10" });
  });
});
