import { validPayloads } from "@chronicle/contracts/testing";
import { gamificationProgress, sessions, userGamification } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitServerEvents } from "../emit/emit-server-events.ts";
import { rebuildAggregates } from "../projections/rebuild-aggregates.ts";
import { userGamificationProjection } from "../projections/user-gamification.ts";
import { clientEvent, createTestServer, makeLearner, type RawClientEvent, type TestServer } from "../testing/index.ts";
import { gamificationSessionId } from "./gamification-session.ts";
import { catchUpFully, eventsOf, makeBankedExamSession, settleUntilStable } from "./testing/gamification-fixtures.ts";
import { xpAwarder } from "./xp-awarder.ts";

const questionSubmit = (sessionId: string, isCorrect: boolean, isFirstAttempt: boolean, questionId: string = randomUUID()) =>
  clientEvent("question_submit", sessionId, {
    payload: { ...validPayloads.question_submit, question_id: questionId, is_correct: isCorrect, is_first_attempt: isFirstAttempt },
  });
const materialComplete = (sessionId: string, materialId: string) =>
  clientEvent("material_complete", sessionId, { payload: { ...validPayloads.material_complete, material_id: materialId } });
const quizComplete = (sessionId: string, correctAnswers: number, totalQuestions: number) =>
  clientEvent("quiz_complete", sessionId, {
    payload: { ...validPayloads.quiz_complete, correct_answers: correctAnswers, total_questions: totalQuestions, accuracy: correctAnswers / totalQuestions },
  });

describe.each(databaseTargets())("xp-awarder on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function send(userId: string, events: RawClientEvent[]) {
    const response = await server.learner(userId).telemetry.ingest({ source: "web", events: events as never });
    expect(response.rejected_reasons_sample).toEqual([]);
  }

  const achievementIds = async (userId: string) =>
    (await eventsOf(server.db, userId, ["achievement_unlocked"])).map((e) => e.payload.achievement_id);

  it("awards hand-computed XP for study activity, and a re-sent batch changes nothing", async () => {
    const learner = makeLearner();
    const session = randomUUID();
    const material = randomUUID();
    const question = randomUUID();
    const batch = [
      questionSubmit(session, true, true, question), // 10 + 5 first-attempt bonus, first_question +10
      questionSubmit(session, true, false, question), // the same question again: 10
      questionSubmit(session, false, true), // 0
      materialComplete(session, material), // 20, first_material_complete +10
      materialComplete(session, material), // the same material again: 0
      quizComplete(session, 8, 10), // 80 % → 30, first_quiz_complete +10
    ];
    await send(learner, batch);
    await settleUntilStable(server);

    const profile = await server.learner(learner).gamification.profile();
    expect(profile).toMatchObject({ totalXp: 105, level: 2, xpToNextLevel: 195 });
    expect(profile.achievements.map((a) => a.id)).toEqual(["first_question", "first_material_complete", "first_quiz_complete"]);
    const xp = await eventsOf(server.db, learner, ["xp_earned"]);
    expect(xp.map((e) => e.payload.xp_amount)).toEqual([15, 10, 10, 20, 10, 30, 10]);
    expect(xp.at(-1)!.payload.new_total_xp).toBe(105);
    expect((await eventsOf(server.db, learner, ["level_up"])).map((e) => e.payload)).toEqual([{ old_level: 1, new_level: 2, total_xp: 105 }]);

    const logged = (await eventsOf(server.db, learner, ["xp_earned", "level_up", "achievement_unlocked"])).length;
    await send(learner, batch);
    await settleUntilStable(server);
    expect((await eventsOf(server.db, learner, ["xp_earned", "level_up", "achievement_unlocked"])).length).toBe(logged);
  });

  it("unlocks each achievement once when the same triggering activity comes again", async () => {
    const learner = makeLearner();
    const session = randomUUID();
    const material = randomUUID();
    const again = () => [questionSubmit(session, true, true), materialComplete(session, material), quizComplete(session, 10, 10)];
    await send(learner, again());
    await settleUntilStable(server);
    await send(learner, again());
    await settleUntilStable(server);

    expect(await achievementIds(learner)).toEqual(["first_question", "first_material_complete", "first_quiz_complete", "perfect_quiz"]);
    // First batch: 15 + 10, 20 + 10, 50 + 10 + 50. Second: 15, the repeated material 0, 50.
    expect((await server.learner(learner).gamification.profile()).totalXp).toBe(165 + 65);
  });

  it("scores a submitted exam session per correct final answer, once per session", async () => {
    const learner = makeLearner();
    const exam = await makeBankedExamSession(server.db, learner, [0, 1, 2, 3, 0]);
    const [q1, q2, q3, q4, q5] = exam.questionIds as [string, string, string, string, string];
    const server_ = { sessionId: exam.sessionId, userId: learner };
    const answer = (questionId: string, position: number, selected: number) =>
      ({ ...server_, type: "ANSWER_SELECTED" as const, questionId, payload: { position, selected_index: selected } });
    // sessions.answer records the answers as the server; a client's own ANSWER_* never scores.
    await emitServerEvents(server.db.orm, [
      answer(q1, 1, 0),
      answer(q2, 2, 1),
      answer(q3, 3, 0),
      { ...server_, type: "ANSWER_CHANGED", questionId: q3, payload: { position: 3, from_index: 0, to_index: 2 } },
      answer(q4, 4, 3),
      answer(q5, 5, 1),
    ], new Date());
    // A client-sent change before the submit, turning a wrong answer right, must not earn XP.
    await send(learner, [clientEvent("ANSWER_CHANGED", exam.sessionId, { question_id: q2, payload: { position: 2, from_index: 1, to_index: 0 } })]);
    const submitted = { type: "SESSION_SUBMITTED" as const, sessionId: exam.sessionId, userId: learner, payload: { reason: "manual" as const } };
    await emitServerEvents(server.db.orm, [submitted], new Date());
    // An answer after submission does not count.
    await send(learner, [clientEvent("ANSWER_CHANGED", exam.sessionId, { question_id: q5, payload: { position: 5, from_index: 1, to_index: 0 } })]);
    await emitServerEvents(server.db.orm, [submitted], new Date());
    await settleUntilStable(server);

    const xp = await eventsOf(server.db, learner, ["xp_earned"]);
    // 4 correct × 10, session bonus 20, then first_question and first_quiz_complete 10 each.
    expect(xp.map((e) => [e.payload.xp_source, e.payload.xp_amount])).toEqual([
      ["question_correct", 40],
      ["quiz_complete", 20],
      ["achievement", 10],
      ["achievement", 10],
    ]);
    expect(new Set(xp.map((e) => e.session_id))).toEqual(new Set([gamificationSessionId(learner)]));
    const [registered] = await server.db.orm.select().from(sessions).where(eq(sessions.id, gamificationSessionId(learner)));
    expect(registered).toMatchObject({ userId: learner, family: "study" });
  });

  it("gives the first-attempt bonus by the log's numbering, whatever the client's is_first_attempt says, as question_attempts does", async () => {
    const learner = makeLearner();
    const session = randomUUID();
    const [first, second] = [randomUUID(), randomUUID()];
    await send(learner, [
      questionSubmit(session, true, false, first), // the log's first attempt at `first`, although the client says otherwise: 15
      questionSubmit(session, true, true, first), // a second attempt the client calls a first: 10
      questionSubmit(session, true, true, second), // 15
    ]);
    await settleUntilStable(server);

    const xp = await eventsOf(server.db, learner, ["xp_earned"]);
    expect(xp.filter((e) => e.payload.xp_source === "question_correct").map((e) => e.payload.xp_amount)).toEqual([15, 10, 15]);
    const attempts = await server.db.rows<{ is_first_attempt: boolean }>(
      sql`select is_first_attempt from question_attempts where user_id = ${learner}::uuid order by question_id = ${second}::uuid, attempt_number`,
    );
    expect(attempts.map((a) => a.is_first_attempt)).toEqual([true, false, true]);
  });

  it("reaches level 5 and questions_100 after 100 correct answers, with hand-computed totals", async () => {
    const learner = makeLearner();
    const session = randomUUID();
    const answers = Array.from({ length: 100 }, () => questionSubmit(session, true, true));
    await send(learner, answers.slice(0, 50));
    await send(learner, answers.slice(50));
    await settleUntilStable(server);

    // 100 × 15 + first_question 10; 1000 XP at the 66th answer → level_5 +100; questions_100 +100.
    const profile = await server.learner(learner).gamification.profile();
    expect(profile).toMatchObject({ totalXp: 1710, level: 6, xpToNextLevel: 2100 - 1710 });
    expect(profile.achievements.map((a) => a.id)).toEqual(["first_question", "level_5", "questions_100"]);
    const levels = (await eventsOf(server.db, learner, ["level_up"])).map((e) => e.payload.new_level);
    expect(levels).toEqual([2, 3, 4, 5, 6]);
  });

  it("emits nothing new when run again from scratch: a rebuild leaves the log and the tables as they were", async () => {
    await settleUntilStable(server);
    const snapshot = async () => ({
      events: (await server.db.rows<{ n: number }>(sql`select count(*)::int as n from events`))[0]!.n,
      progress: await server.db.orm.select().from(gamificationProgress).orderBy(gamificationProgress.userId),
      profiles: await server.db.orm.select().from(userGamification).orderBy(userGamification.userId),
    });
    const before = await snapshot();
    expect(before.progress.length).toBeGreaterThan(0);

    await rebuildAggregates(server.db, [xpAwarder, userGamificationProjection]);
    await catchUpFully(server.db, [xpAwarder, userGamificationProjection]);
    await rebuildAggregates(server.db, [xpAwarder, userGamificationProjection]);
    await catchUpFully(server.db, [xpAwarder, userGamificationProjection]);
    expect(await snapshot()).toEqual(before);
  });
});
