import { questions, topicMastery, topics } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitServerEvents } from "../../emit/emit-server-events.ts";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type RawClientEvent, type TestServer } from "../../testing/index.ts";
import { ingestAs, makeAdmin } from "./admin-test-kit.ts";

describe.each(databaseTargets())("admin.learner, admin.topic and admin.topics on %s", (driver) => {
  let server: TestServer;
  const topicId = randomUUID();
  const [qA, qB, qC] = [randomUUID(), randomUUID(), randomUUID()];
  const learners = [makeLearner(), makeLearner(), makeLearner()];
  const studySessions = learners.map(() => randomUUID());
  let examQuestions: string[] = [];

  const submit = (sessionId: string, questionId: string, isCorrect: boolean): RawClientEvent =>
    clientEvent("question_submit", sessionId, {
      payload: {
        question_id: questionId,
        topic_id: topicId,
        selected_answer: isCorrect ? "A" : "B",
        correct_answer: "A",
        is_correct: isCorrect,
        time_to_answer_seconds: 30,
        is_first_attempt: true,
        attempt_number: 1,
        hint_used: false,
        explanation_viewed: false,
      },
    });

  beforeAll(async () => {
    server = await createTestServer(driver);
    const exam = await makeExamSession(server.db, learners[0]!, 2);
    examQuestions = exam.questionIds;
    await server.db.orm.insert(topics).values({ id: topicId, slug: `topic-${topicId}`, name: "Cardiology", description: "Hearts." });
    const bank = [qA!, qB!, qC!, ...examQuestions].map((id) => ({ id, topicId, stem: "?", options: ["a", "b", "c", "d"], correctIndex: 2, explanation: ".", difficulty: 2 }));
    await server.db.orm.insert(questions).values(bank);
    // qA: 1 of 3 first attempts right; qB: 3 of 3; qC: only two first attempts, too few to rank.
    const answers: [number, string, boolean][] = [
      [0, qA!, true], [1, qA!, false], [2, qA!, false],
      [0, qB!, true], [1, qB!, true], [2, qB!, true],
      [0, qC!, true], [1, qC!, false],
    ];
    for (const [i, learner] of learners.entries()) {
      const mine = answers.filter(([who]) => who === i).map(([, questionId, isCorrect]) => submit(studySessions[i]!, questionId, isCorrect));
      const results = await ingestAs(server, learner, [clientEvent("session_start", studySessions[i]!), ...mine]);
      expect(results.flatMap((r) => r.rejected_reasons_sample)).toEqual([]);
    }
    // Answer changes on the exam's first question, whose correct option is 2, as sessions.answer records them.
    const change = (from: number, to: number) =>
      ({ type: "ANSWER_CHANGED" as const, sessionId: exam.sessionId, userId: learners[0]!, questionId: examQuestions[0], payload: { position: 1, from_index: from, to_index: to } });
    await emitServerEvents(server.db.orm, [change(2, 3), change(3, 2), change(0, 1), change(2, 0)], new Date());
    await server.settle();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("shows a topic's daily stats, mastery distribution, hardest questions and answer changes", async () => {
    const view = await makeAdmin(server).caller.admin.topic({ topicId });
    expect(view.name).toBe("Cardiology");
    const today = new Date().toISOString().slice(0, 10);
    expect(view.daily).toEqual([{ day: today, attempts: 8, correct: 5, firstAttempts: 8, firstAttemptsCorrect: 5, materialsCompleted: 0 }]);
    expect(view.masteryDistribution).toHaveLength(10);
    expect(view.masteryDistribution.reduce((sum, bucket) => sum + bucket.learners, 0)).toBe(3);
    expect(view.hardestQuestions).toEqual([
      { questionId: qA, firstAttempts: 3, firstAttemptsCorrect: 1, accuracyPercent: 33.33 },
      { questionId: qB, firstAttempts: 3, firstAttemptsCorrect: 3, accuracyPercent: 100 },
    ]);
    expect(view.answerChanges).toEqual({
      rightToWrong: 2,
      wrongToRight: 1,
      other: 1,
      byQuestion: [{ questionId: examQuestions[0], rightToWrong: 2, wrongToRight: 1, other: 1 }],
    });
  });

  it("buckets mastery exactly: a learner at 0.7 is in [0.7, 0.8), one just below it in [0.6, 0.7)", async () => {
    const other = randomUUID();
    await server.db.orm.insert(topics).values({ id: other, slug: `topic-${other}`, name: "Nephrology", description: "Kidneys." });
    const row = (masteryScore: number) => ({ userId: randomUUID(), topicId: other, questionsAttempted: 10, masteryScore });
    await server.db.orm.insert(topicMastery).values([row(0.7), row(0.69), row(0.1), row(1)]);
    const { masteryDistribution } = await makeAdmin(server).caller.admin.topic({ topicId: other });
    expect(masteryDistribution.filter((bucket) => bucket.learners > 0)).toEqual([
      { from: 0.1, to: 0.2, learners: 1 },
      { from: 0.6, to: 0.7, learners: 1 },
      { from: 0.7, to: 0.8, learners: 1 },
      { from: 0.9, to: 1, learners: 1 },
    ]);
  });

  it("refuses an unknown topic with NOT_FOUND", async () => {
    await expect(makeAdmin(server).caller.admin.topic({ topicId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists topics with their attempts and accuracy", async () => {
    const list = await makeAdmin(server).caller.admin.topics();
    expect(list.watermark.consistentThrough).not.toBeNull();
    expect(list.topics.find((t) => t.topicId === topicId)).toEqual({
      topicId, slug: `topic-${topicId}`, name: "Cardiology", kind: "bank", subject: null, questions: 5, attempts: 8, correct: 5, accuracyPercent: 62.5,
    });
  });

  it("shows a learner's daily stats, mastery and recent sessions", async () => {
    const view = await makeAdmin(server).caller.admin.learner({ userId: learners[0]! });
    const today = new Date().toISOString().slice(0, 10);
    expect(view.daily).toEqual([expect.objectContaining({ day: today, questionsAttempted: 3, questionsCorrect: 3, sessionsStarted: 1 })]);
    expect(view.weekly).toEqual([expect.objectContaining({ questionsAttempted: 3, questionsCorrect: 3, activeDays: 1 })]);
    expect(view.mastery).toEqual([expect.objectContaining({ topicId, topicName: "Cardiology", questionsAttempted: 3, questionsCorrect: 3 })]);
    expect(view.recentSessions).toEqual([expect.objectContaining({ kind: "study", sessionId: studySessions[0] })]);
    expect(view.knowledgeGaps).toEqual([]);
  });

  it("returns empty sections for a learner with no activity", async () => {
    const view = await makeAdmin(server).caller.admin.learner({ userId: randomUUID() });
    expect(view).toMatchObject({ daily: [], weekly: [], gamification: null, mastery: [], knowledgeGaps: [], recentSessions: [] });
  });
});
