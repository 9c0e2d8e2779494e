import { createChronicleClient } from "@chronicle/client";
import type { ClientEvent, GameBatchInput } from "@chronicle/contracts";
import { loadQuestionBank } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { seedQuestions } from "@chronicle/db/question-bank";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, listen, type RawClientEvent, type RunningServer, type TestServer } from "../testing/index.ts";

const asWire = (events: RawClientEvent[]) => events as unknown as ClientEvent[];
const material = "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c01";
const chunk = "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c02";
const topic = "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c03";

/** Projections emit XP events, which other projections then count: settle until nothing moves. */
async function settleFully(server: TestServer) {
  for (let pass = 0; pass < 5; pass += 1) await server.settle();
}

describe.each(databaseTargets())("a whole learner journey through the typed client on %s", (driver) => {
  let server: TestServer;
  let http: RunningServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
    await loadQuestionBank(server.db.orm);
    http = await listen(server.deps);
  });
  afterAll(async () => {
    await http?.close();
    await server?.close();
  });

  it("leaves every aggregate with the numbers computed by hand", async () => {
    const learnerId = randomUUID();
    const learner = createChronicleClient({ url: http.url, token: await server.token("learner", learnerId) });
    const gameServer = createChronicleClient({ url: http.url, token: await server.token("service", randomUUID(), "events:game") });

    // Exam: 3 questions; right, wrong→right (a change), wrong and marked.
    const exam = await learner.sessions.create.mutate({ mode: "practice", questionCount: 3 });
    const view = await learner.sessions.get.query({ sessionId: exam.sessionId });
    const correctOf = (questionId: string) => seedQuestions.find((q) => q.id === questionId)!.correctIndex;
    const [q1, q2, q3] = view.questions;
    const wrong = (questionId: string) => (correctOf(questionId) + 1) % 4;
    await learner.sessions.answer.mutate({ sessionId: exam.sessionId, position: 1, action: "select", selectedIndex: correctOf(q1!.questionId) });
    await learner.sessions.answer.mutate({ sessionId: exam.sessionId, position: 2, action: "select", selectedIndex: wrong(q2!.questionId) });
    await learner.sessions.answer.mutate({ sessionId: exam.sessionId, position: 2, action: "select", selectedIndex: correctOf(q2!.questionId) });
    await learner.sessions.answer.mutate({ sessionId: exam.sessionId, position: 3, action: "select", selectedIndex: wrong(q3!.questionId) });
    await learner.sessions.answer.mutate({ sessionId: exam.sessionId, position: 3, action: "mark", marked: true });
    const score = await learner.sessions.submit.mutate({ sessionId: exam.sessionId });
    expect(score).toMatchObject({ answered: 3, correct: 2, total: 3, scorePercent: 66.67 });
    const review = await learner.sessions.review.query({ sessionId: exam.sessionId });
    expect(review.questions.map((q) => q.isCorrect)).toEqual([true, true, false]);

    // Study: one material read to the end and completed, two questions (one right), 500 active seconds.
    const study = randomUUID();
    const submit = (isCorrect: boolean) =>
      clientEvent("question_submit", study, {
        payload: { question_id: randomUUID(), topic_id: topic, selected_answer: isCorrect ? "B" : "C", correct_answer: "B", is_correct: isCorrect, time_to_answer_seconds: 20, is_first_attempt: true, attempt_number: 1, hint_used: false },
      });
    const studyEvents = [
      clientEvent("session_start", study),
      clientEvent("material_open", study),
      clientEvent("material_read", study, { payload: { material_id: material, chunk_id: chunk, topic_id: topic, time_spent_seconds: 30, scroll_depth_percent: 95, chunk_index: 0, is_complete: true } }),
      clientEvent("material_complete", study),
      submit(true),
      submit(false),
      clientEvent("session_end", study, { payload: { duration_seconds: 600, active_seconds: 500, materials_viewed: 1, questions_attempted: 2, xp_earned: 0 } }),
    ];
    const ingested = await learner.telemetry.ingest.mutate({ source: "web", events: asWire(studyEvents) });
    expect(ingested).toMatchObject({ accepted: 7, rejected: 0 });

    // Game: one task started (expected 60 s) and completed in 120 s, one distraction, one collaboration.
    const game = randomUUID();
    const at = (s: number) => new Date(Date.UTC(2026, 0, 5, 10, 0, s)).toISOString();
    const gameEvent = (event_type: string, data: Record<string, unknown>, s: number) => ({ event_id: randomUUID(), student_id: learnerId, event_type, timestamp: at(s), data, session_id: game, mission_id: "mission-alpha" });
    await gameServer.telemetry.ingestGameBatch.mutate({
      batch_id: "journey-1",
      client_version: "1.0.0",
      events: [
        gameEvent("mission_start", {}, 0),
        gameEvent("task_start", { task_id: "t1", expected_duration_seconds: 60 }, 1),
        gameEvent("distraction", {}, 30),
        gameEvent("task_complete", { task_id: "t1", duration_seconds: 120 }, 121),
        gameEvent("collaboration", {}, 122),
      ],
    } as GameBatchInput);
    const closed = await gameServer.game.closeSession.mutate({ sessionId: game });
    expect(closed.status).toBe("closed");

    await settleFully(server);
    const one = async <T>(query: ReturnType<typeof sql>) => (await server.db.rows<T>(query))[0];

    expect(await one(sql`select answered_count, correct_count, answer_changes, marked_count, submit_reason from test_session_results where session_id = ${exam.sessionId}::uuid`)).toEqual({
      answered_count: 3,
      correct_count: 2,
      answer_changes: 1,
      marked_count: 1,
      submit_reason: "manual",
    });
    expect(
      await one(sql`select materials_viewed, materials_completed, chunks_read, questions_attempted, questions_correct, active_seconds, is_active from study_sessions where id = ${study}::uuid`),
    ).toEqual({ materials_viewed: 1, materials_completed: 1, chunks_read: 1, questions_attempted: 2, questions_correct: 1, active_seconds: 500, is_active: false });
    expect(await one(sql`select duration_seconds, scroll_depth_percent, is_complete from material_interactions where session_id = ${study}::uuid`)).toEqual({
      duration_seconds: 30,
      scroll_depth_percent: 95,
      is_complete: true,
    });
    // 2 study submits + 3 graded exam answers.
    expect(await one(sql`select count(*)::int as n, count(*) filter (where is_correct)::int as correct from question_attempts where user_id = ${learnerId}::uuid`)).toEqual({ n: 5, correct: 3 });
    expect(
      await one(sql`select task_completion_rate, time_efficiency, retry_count, recovery_rate, distraction_resistance, collaboration_indicators, leadership_indicators from behavioral_features where session_id = ${game}::uuid`),
    ).toEqual({ task_completion_rate: 1, time_efficiency: 0.5, retry_count: 0, recovery_rate: 0, distraction_resistance: 0.8, collaboration_indicators: 1, leadership_indicators: 0 });
    // XP by hand (docs/gamification.md): exam 2×10 + 20 = 40; study correct first attempt 15;
    // material 20; achievements first_question, first_material_complete, first_quiz_complete 3×10.
    expect(await one(sql`select total_xp, level from user_gamification where user_id = ${learnerId}::uuid`)).toEqual({ total_xp: 105, level: 2 });
    const [daily] = await server.db.rows<{ questions_attempted: number; questions_correct: number; study_seconds: number }>(
      sql`select sum(questions_attempted)::int as questions_attempted, sum(questions_correct)::int as questions_correct, sum(study_seconds)::int as study_seconds
            from daily_user_stats where user_id = ${learnerId}::uuid`,
    );
    expect(daily).toEqual({ questions_attempted: 5, questions_correct: 3, study_seconds: 500 });
    const [mastery] = await server.db.rows<{ questions_attempted: number }>(
      sql`select questions_attempted from topic_mastery where user_id = ${learnerId}::uuid and topic_id = ${topic}::uuid`,
    );
    expect(mastery).toEqual({ questions_attempted: 2 });
  }, 180_000);
});
