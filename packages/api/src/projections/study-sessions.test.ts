import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gamificationSessionId } from "../gamification/gamification-session.ts";
import { emitAsServer, ingest, studyEvent, submitPayload, testClock } from "../study/study-test-kit.ts";
import { createTestServer, makeExamSession, makeLearner, type TestServer } from "../testing/index.ts";

interface SessionRow {
  user_id: string;
  started_at: string;
  ended_at: string | null;
  is_active: boolean;
  duration_seconds: number;
  active_seconds: number;
  pause_count: number;
  materials_viewed: number;
  materials_completed: number;
  chunks_read: number;
  questions_attempted: number;
  questions_correct: number;
  ai_interactions: number;
  xp_earned: number;
  achievements_unlocked: number;
}

async function sessionRow(server: TestServer, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await server.db.rows<SessionRow>(sql`
    select user_id::text as user_id, to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as started_at,
           to_char(ended_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as ended_at, is_active, duration_seconds, active_seconds,
           pause_count, materials_viewed, materials_completed, chunks_read, questions_attempted, questions_correct,
           ai_interactions, xp_earned, achievements_unlocked
      from study_sessions where id = ${sessionId}::uuid`);
  return row;
}

async function gamificationInLog(server: TestServer, sessionId: string): Promise<{ xp_earned: number; achievements_unlocked: number }> {
  const [row] = await server.db.rows<{ xp_earned: number; achievements_unlocked: number }>(sql`
    select coalesce(sum((payload_json->>'xp_amount')::int) filter (where event_type = 'xp_earned'), 0)::int as xp_earned,
           (count(*) filter (where event_type = 'achievement_unlocked'))::int as achievements_unlocked
      from events where session_id = ${sessionId}::uuid`);
  return row!;
}

describe.each(databaseTargets())("study-sessions projection on %s", (driver) => {
  let server: TestServer;
  const clock = testClock("2025-03-10T09:00:00.000Z");
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("counts every activity of a session, in order", async () => {
    const learner = makeLearner();
    const sessionId = randomUUID();
    const topic = randomUUID();
    clock.set("2025-03-10T09:00:00.000Z");
    await ingest(server, learner, [
      studyEvent("session_start", sessionId),
      studyEvent("material_open", sessionId),
      studyEvent("material_read", sessionId),
      studyEvent("material_read", sessionId),
      studyEvent("session_pause", sessionId),
      studyEvent("session_resume", sessionId),
      studyEvent("question_submit", sessionId, submitPayload(randomUUID(), topic, true)),
      studyEvent("question_submit", sessionId, submitPayload(randomUUID(), topic, false)),
      studyEvent("ai_question_asked", sessionId),
      studyEvent("material_complete", sessionId),
    ]);
    await emitAsServer(server, clock.at, [
      { type: "xp_earned", sessionId, userId: learner, payload: { xp_amount: 10, xp_source: "question_correct", new_total_xp: 10 } },
      { type: "xp_earned", sessionId, userId: learner, payload: { xp_amount: 25, xp_source: "material_complete", new_total_xp: 35 } },
      { type: "achievement_unlocked", sessionId, userId: learner, payload: { achievement_id: "first", achievement_name: "First!", achievement_type: "milestone", xp_reward: 0 } },
    ]);
    clock.set("2025-03-10T10:00:00.000Z");
    await ingest(server, learner, [
      studyEvent("session_end", sessionId, { duration_seconds: 3600, active_seconds: 3000, materials_viewed: 1, questions_attempted: 2, xp_earned: 35 }),
    ]);
    await server.settle();
    expect(await sessionRow(server, sessionId)).toEqual({
      user_id: learner,
      started_at: "2025-03-10T09:00:00Z",
      ended_at: "2025-03-10T10:00:00Z",
      is_active: false,
      duration_seconds: 3600,
      active_seconds: 3000,
      pause_count: 1,
      materials_viewed: 1,
      materials_completed: 1,
      chunks_read: 2,
      questions_attempted: 2,
      questions_correct: 1,
      ai_interactions: 1,
      // The gamification projections award XP and achievements of their own for these
      // activities: the session counts every xp_earned / achievement_unlocked in its log.
      ...(await gamificationInLog(server, sessionId)),
    });
    expect((await sessionRow(server, sessionId))!.xp_earned).toBeGreaterThanOrEqual(35);
  });

  it("loses nothing when session_end and activity arrive before session_start, and counts a resent batch once", async () => {
    const learner = makeLearner();
    const sessionId = randomUUID();
    clock.set("2025-03-11T08:00:00.000Z");
    const early = [studyEvent("material_read", sessionId), studyEvent("session_end", sessionId, { duration_seconds: 600, active_seconds: 500, materials_viewed: 1, questions_attempted: 0, xp_earned: 0 })];
    await ingest(server, learner, early);
    await server.settle();
    expect(await sessionRow(server, sessionId)).toMatchObject({ started_at: "2025-03-11T08:00:00Z", is_active: false, chunks_read: 1, active_seconds: 500 });

    clock.set("2025-03-11T08:05:00.000Z");
    const late = [studyEvent("session_start", sessionId), studyEvent("session_pause", sessionId), studyEvent("material_open", sessionId)];
    await ingest(server, learner, late);
    await ingest(server, learner, late);
    await ingest(server, learner, early);
    await server.settle();
    expect(await sessionRow(server, sessionId)).toMatchObject({
      started_at: "2025-03-11T08:00:00Z",
      ended_at: "2025-03-11T08:00:00Z",
      is_active: false,
      duration_seconds: 600,
      active_seconds: 500,
      pause_count: 1,
      materials_viewed: 1,
      chunks_read: 1,
    });
  });

  it("keeps rows for study sessions only: not for an exam session, nor for the learner's gamification ledger", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner, 1);
    const ledger = gamificationSessionId(learner);
    const xp = { xp_amount: 5, xp_source: "question_correct", new_total_xp: 5 };
    await emitAsServer(server, clock.at, [
      { type: "xp_earned", sessionId: exam.sessionId, userId: learner, payload: xp },
      { type: "xp_earned", sessionId: ledger, userId: learner, payload: xp },
    ]);
    await server.settle();
    expect(await sessionRow(server, exam.sessionId)).toBeUndefined();
    expect(await sessionRow(server, ledger)).toBeUndefined();
  });
});
