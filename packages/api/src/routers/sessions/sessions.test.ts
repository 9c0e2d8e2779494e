import { loadQuestionBank } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerKey, manualClock, sessionEvents, wrongIndex } from "../../exam/testing/exam-test-kit.ts";
import { createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";

const ALGEBRA = "691fda3d-433f-433a-9fc1-4fde4ec2bcd8";
const GEOMETRY = "f4a4895c-64e8-4081-8a24-932fde805518";

describe.each(databaseTargets())("sessions router on %s", (driver) => {
  let server: TestServer;
  const clock = manualClock();
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
    await loadQuestionBank(server.db.orm);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("runs a whole exam: create, get without answers, select/change/repeat/mark, submit, review, events in order", async () => {
    const learner = makeLearner();
    const sessions = server.learner(learner).sessions;
    const created = await sessions.create({ mode: "exam", topicIds: [ALGEBRA, GEOMETRY], questionCount: 4 });
    expect(created).toMatchObject({ mode: "exam", questionCount: 4, timeLimitSeconds: 360, filters: { topic_ids: [ALGEBRA, GEOMETRY] } });
    expect(Date.parse(created.expiresAt!) - Date.parse(created.createdAt)).toBe(360_000);

    const view = await sessions.get({ sessionId: created.sessionId });
    expect(view).toMatchObject({ status: "active", secondsLeft: 360, submittedAt: null });
    expect(view.questions.map((q) => q.position)).toEqual([1, 2, 3, 4]);
    for (const question of view.questions) {
      expect(Object.keys(question).sort()).toEqual(["marked", "options", "position", "questionId", "selectedIndex", "stem"]);
    }
    expect(JSON.stringify(view)).not.toMatch(/correct|explanation/i);

    const key = await answerKey(server.db, view.questions.map((q) => q.questionId));
    const [q1, q2, q3, q4] = view.questions.map((q) => ({ ...q, ...key.get(q.questionId)! }));
    expect([q1, q2, q3, q4].every((q) => [ALGEBRA, GEOMETRY].includes(q!.topicId))).toBe(true);
    const answer = (position: number, selectedIndex: number) => sessions.answer({ sessionId: created.sessionId, position, action: "select", selectedIndex });

    expect((await answer(1, wrongIndex(q1!))).emitted).toBe("ANSWER_SELECTED");
    expect((await answer(1, q1!.correctIndex)).emitted).toBe("ANSWER_CHANGED");
    expect(await answer(1, q1!.correctIndex)).toMatchObject({ emitted: null, selectedIndex: q1!.correctIndex });
    await answer(2, q2!.correctIndex);
    await answer(3, wrongIndex(q3!));
    expect(await sessions.answer({ sessionId: created.sessionId, position: 4, action: "mark", marked: true })).toMatchObject({
      emitted: "MARK_FOR_REVIEW_TOGGLED",
      marked: true,
      selectedIndex: null,
    });

    const saved = await sessions.get({ sessionId: created.sessionId });
    expect(saved.questions.map((q) => [q.selectedIndex, q.marked])).toEqual([
      [q1!.correctIndex, false],
      [q2!.correctIndex, false],
      [wrongIndex(q3!), false],
      [null, true],
    ]);

    clock.advance(60);
    const score = await sessions.submit({ sessionId: created.sessionId });
    expect(score).toEqual({
      sessionId: created.sessionId,
      status: "submitted",
      submittedAt: clock.now().toISOString(),
      submitReason: "manual",
      answered: 3,
      correct: 2,
      total: 4,
      scorePercent: 50,
    });

    const review = await sessions.review({ sessionId: created.sessionId });
    expect(review.score).toEqual(score);
    expect(review.questions.map((q) => [q.position, q.selectedIndex, q.correctIndex, q.isCorrect])).toEqual([
      [1, q1!.correctIndex, q1!.correctIndex, true],
      [2, q2!.correctIndex, q2!.correctIndex, true],
      [3, wrongIndex(q3!), q3!.correctIndex, false],
      [4, null, q4!.correctIndex, false],
    ]);
    expect(review.questions.every((q) => q.explanation.length > 0 && q.stem.length > 0)).toBe(true);
    const expectedTopics = new Map<string, { topicId: string; name: string; correct: number; total: number }>();
    for (const [q, isCorrect] of [[q1, true], [q2, true], [q3, false], [q4, false]] as const) {
      const topic = expectedTopics.get(q!.topicId) ?? { topicId: q!.topicId, name: q!.topicName, correct: 0, total: 0 };
      expectedTopics.set(q!.topicId, { ...topic, correct: topic.correct + (isCorrect ? 1 : 0), total: topic.total + 1 });
    }
    expect(review.topics).toEqual([...expectedTopics.values()]);

    const events = await sessionEvents(server.db, created.sessionId);
    expect(events.map((e) => e.type)).toEqual([
      "SESSION_CREATED",
      "ANSWER_SELECTED",
      "ANSWER_CHANGED",
      "ANSWER_SELECTED",
      "ANSWER_SELECTED",
      "MARK_FOR_REVIEW_TOGGLED",
      "SESSION_SUBMITTED",
      "REVIEW_OPENED",
    ]);
    expect(events[0]!.payload).toEqual({ mode: "exam", filters: { topic_ids: [ALGEBRA, GEOMETRY] }, question_count: 4, time_limit_seconds: 360 });
    expect(events[2]).toMatchObject({ questionId: q1!.questionId, payload: { position: 1, from_index: wrongIndex(q1!), to_index: q1!.correctIndex } });
    expect(events[5]).toMatchObject({ questionId: q4!.questionId, payload: { position: 4, marked: true } });
    expect(events[6]!.payload).toEqual({ reason: "manual" });
  });

  it("returns the same result when a session is submitted twice, and records the submission once", async () => {
    const learner = makeLearner();
    const sessions = server.learner(learner).sessions;
    const { sessionId } = await sessions.create({ mode: "practice", questionCount: 2 });
    await sessions.answer({ sessionId, position: 1, action: "select", selectedIndex: 0 });
    const first = await sessions.submit({ sessionId, reason: "manual" });
    clock.advance(30);
    expect(await sessions.submit({ sessionId })).toEqual(first);
    const submissions = (await sessionEvents(server.db, sessionId)).filter((e) => e.type === "SESSION_SUBMITTED");
    expect(submissions).toHaveLength(1);
  });

  it("refuses another learner's session on get, answer, submit and review, and an unknown one", async () => {
    const owner = makeLearner();
    const { sessionId } = await server.learner(owner).sessions.create({ mode: "practice", questionCount: 1 });
    const intruder = server.learner(makeLearner()).sessions;
    const notYours = { code: "FORBIDDEN", message: `Session '${sessionId}' is not yours.` };
    await expect(intruder.get({ sessionId })).rejects.toMatchObject(notYours);
    await expect(intruder.answer({ sessionId, position: 1, action: "select", selectedIndex: 0 })).rejects.toMatchObject(notYours);
    await expect(intruder.submit({ sessionId })).rejects.toMatchObject(notYours);
    await server.learner(owner).sessions.submit({ sessionId });
    await expect(intruder.review({ sessionId })).rejects.toMatchObject(notYours);
    const unknown = "00000000-0000-4000-8000-000000000000";
    await expect(intruder.get({ sessionId: unknown })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining(unknown) });
    const [owned] = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from events where session_id = ${sessionId}::uuid and user_id <> ${owner}::uuid`);
    expect(owned!.n).toBe(0);
  });

  it("refuses to ask for more questions than the filters match, saying how many do", async () => {
    const [row] = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from questions where topic_id = ${ALGEBRA}::uuid and difficulty = 1`);
    const matching = row!.n;
    await expect(
      server.learner(makeLearner()).sessions.create({ mode: "practice", topicIds: [ALGEBRA], difficulty: [1], questionCount: matching + 1 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: `Only ${matching} questions match these filters; ask for at most ${matching}.` });
    const exact = await server.learner(makeLearner()).sessions.create({ mode: "practice", topicIds: [ALGEBRA], difficulty: [1], questionCount: matching });
    expect(exact).toMatchObject({ questionCount: matching, timeLimitSeconds: null, expiresAt: null, filters: { topic_ids: [ALGEBRA], difficulty: [1] } });
  });

  it("opens the review only after submit, and refuses answers that do not fit the session", async () => {
    const sessions = server.learner(makeLearner()).sessions;
    const { sessionId } = await sessions.create({ mode: "practice", questionCount: 2 });
    await expect(sessions.review({ sessionId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "Submit the session before opening its review." });
    await expect(sessions.answer({ sessionId, position: 3, action: "mark", marked: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `Session '${sessionId}' has no question at position 3; positions start at 1.`,
    });
    const view = await sessions.get({ sessionId });
    const optionCount = view.questions[0]!.options.length;
    if (optionCount < 5) {
      await expect(sessions.answer({ sessionId, position: 1, action: "select", selectedIndex: optionCount })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: `Question 1 has ${optionCount} options; choose an index from 0 to ${optionCount - 1}.`,
      });
    }
    await sessions.submit({ sessionId });
    await expect(sessions.answer({ sessionId, position: 1, action: "select", selectedIndex: 0 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: `Session '${sessionId}' is already submitted; open its review to see the result.`,
    });
  });
});
