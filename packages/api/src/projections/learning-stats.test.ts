import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitAsServer, ingest, studyEvent, submitPayload, testClock } from "../study/study-test-kit.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";

const end = (activeSeconds: number) => ({ duration_seconds: activeSeconds + 60, active_seconds: activeSeconds, materials_viewed: 0, questions_attempted: 0, xp_earned: 0 });

/** The learner's events and XP per UTC day straight from the log, for days where the XP awarder adds its own events. */
async function logDay(server: TestServer, userId: string, day: string) {
  const [row] = await server.db.rows<{ events_count: number; xp_earned: number }>(sql`
    select count(*)::int as events_count,
           coalesce(sum((payload_json->>'xp_amount')::int) filter (where event_type = 'xp_earned'), 0)::int as xp_earned
      from events where user_id = ${userId}::uuid and (event_ts at time zone 'UTC')::date = ${day}::date`);
  return row!;
}

describe.each(databaseTargets())("learning-stats projection on %s", (driver) => {
  let server: TestServer;
  const clock = testClock("2025-03-09T23:59:30.000Z");
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("keeps UTC days and ISO weeks apart across midnight, counts active days once, and ignores resent batches", async () => {
    const learner = makeLearner();
    const [first, second] = [randomUUID(), randomUUID()];
    const topicId = randomUUID();

    clock.set("2025-03-09T23:59:30.000Z"); // Sunday, ISO week of 2025-03-03
    await ingest(server, learner, [
      studyEvent("session_start", first),
      studyEvent("material_read", first),
      studyEvent("material_complete", first, { material_id: randomUUID(), topic_id: topicId, total_time_seconds: 300, completion_percentage: 100 }),
    ]);
    await emitAsServer(server, clock.at, [{ type: "xp_earned", sessionId: first, userId: learner, payload: { xp_amount: 7, xp_source: "streak", new_total_xp: 7 } }]);

    clock.set("2025-03-10T00:00:30.000Z"); // Monday: a new day and a new week
    const mondayBatch = [studyEvent("session_end", first, end(1200)), studyEvent("session_start", second)];
    await ingest(server, learner, mondayBatch);
    await server.settle();
    await ingest(server, learner, mondayBatch);

    clock.set("2025-03-11T10:00:00.000Z");
    await ingest(server, learner, [studyEvent("session_pause", second), studyEvent("session_end", second, end(600))]);

    clock.set("2025-03-12T10:00:00.000Z"); // The attempts projection writes this day's row too.
    await ingest(server, learner, [studyEvent("question_submit", second, submitPayload(randomUUID(), topicId, true))]);
    await server.settle();

    const sunday = await logDay(server, learner, "2025-03-09");
    const wednesday = await logDay(server, learner, "2025-03-12");
    expect(sunday.xp_earned).toBeGreaterThanOrEqual(7);
    expect(
      await server.db.rows(sql`
        select day::text as day, questions_attempted, questions_correct, study_seconds, sessions_started, materials_completed, xp_earned, events_count
          from daily_user_stats where user_id = ${learner}::uuid order by day`),
    ).toEqual([
      { day: "2025-03-09", questions_attempted: 0, questions_correct: 0, study_seconds: 0, sessions_started: 1, materials_completed: 1, ...sunday },
      { day: "2025-03-10", questions_attempted: 0, questions_correct: 0, study_seconds: 1200, sessions_started: 1, materials_completed: 0, xp_earned: 0, events_count: 2 },
      { day: "2025-03-11", questions_attempted: 0, questions_correct: 0, study_seconds: 600, sessions_started: 0, materials_completed: 0, xp_earned: 0, events_count: 2 },
      { day: "2025-03-12", questions_attempted: 1, questions_correct: 1, study_seconds: 0, sessions_started: 0, materials_completed: 0, ...wednesday },
    ]);
    expect(
      await server.db.rows(sql`
        select week_start::text as week_start, questions_attempted, questions_correct, study_seconds, active_days, sessions_started,
               materials_completed, xp_earned, events_count
          from weekly_user_stats where user_id = ${learner}::uuid order by week_start`),
    ).toEqual([
      { week_start: "2025-03-03", questions_attempted: 0, questions_correct: 0, study_seconds: 0, active_days: 1, sessions_started: 1, materials_completed: 1, ...sunday },
      {
        week_start: "2025-03-10",
        questions_attempted: 1,
        questions_correct: 1,
        study_seconds: 1800,
        active_days: 3,
        sessions_started: 1,
        materials_completed: 0,
        xp_earned: wednesday.xp_earned,
        events_count: 4 + wednesday.events_count,
      },
    ]);
    expect(await server.db.rows(sql`select day::text as day, materials_completed from topic_daily_stats where topic_id = ${topicId}::uuid order by day`)).toEqual([
      { day: "2025-03-09", materials_completed: 1 },
      { day: "2025-03-12", materials_completed: 0 },
    ]);
  });
  it("credits a session's study time once when it sends two cumulative session_ends (100 s, then 150 s)", async () => {
    const learner = makeLearner();
    const sessionId = randomUUID();
    clock.set("2025-04-07T10:00:00.000Z"); // a Monday
    await ingest(server, learner, [studyEvent("session_start", sessionId), studyEvent("session_end", sessionId, end(100))]);
    await server.settle();
    clock.set("2025-04-07T10:05:00.000Z");
    await ingest(server, learner, [studyEvent("session_end", sessionId, end(150))]);
    clock.set("2025-04-08T09:00:00.000Z"); // a late, lower figure the next day adds nothing
    await ingest(server, learner, [studyEvent("session_end", sessionId, end(120))]);
    await server.settle();

    const [session] = await server.db.rows<{ active_seconds: number }>(sql`select active_seconds from study_sessions where id = ${sessionId}::uuid`);
    expect(session).toEqual({ active_seconds: 150 });
    expect(await server.db.rows(sql`select day::text as day, study_seconds from daily_user_stats where user_id = ${learner}::uuid order by day`)).toEqual([
      { day: "2025-04-07", study_seconds: 150 },
      { day: "2025-04-08", study_seconds: 0 },
    ]);
    expect(await server.db.rows(sql`select study_seconds from weekly_user_stats where user_id = ${learner}::uuid`)).toEqual([{ study_seconds: 150 }]);
  });
});
