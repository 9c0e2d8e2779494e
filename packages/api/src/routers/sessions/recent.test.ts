import { loadQuestionBank } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerKey, manualClock } from "../../exam/testing/exam-test-kit.ts";
import { createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";

describe.each(databaseTargets())("sessions.recent on %s", (driver) => {
  let server: TestServer;
  const clock = manualClock();
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
    await loadQuestionBank(server.db.orm);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("lists the learner's own tests newest first, scores the submitted one and offers to resume only the open one", async () => {
    const learner = makeLearner();
    const sessions = server.learner(learner).sessions;
    const first = await sessions.create({ mode: "practice", topicIds: [], questionCount: 2 });
    const view = await sessions.get({ sessionId: first.sessionId });
    const key = await answerKey(server.db, view.questions.map((q) => q.questionId));
    await sessions.answer({ sessionId: first.sessionId, position: 1, action: "select", selectedIndex: key.get(view.questions[0]!.questionId)!.correctIndex });
    await sessions.submit({ sessionId: first.sessionId, reason: "manual" });
    clock.advance(1);
    const timed = await sessions.create({ mode: "timed", topicIds: [], questionCount: 3 });
    clock.advance(1);
    const open = await sessions.create({ mode: "practice", topicIds: [], questionCount: 4 });
    await sessions.answer({ sessionId: open.sessionId, position: 2, action: "select", selectedIndex: 0 });
    clock.advance((timed.timeLimitSeconds ?? 0) + 1);
    // Someone else's test never shows up.
    await server.learner(makeLearner()).sessions.create({ mode: "practice", topicIds: [], questionCount: 1 });

    const recent = await sessions.recent();
    expect(recent.map((s) => [s.sessionId, s.status, s.answered, s.scorePercent, s.canResume])).toEqual([
      [open.sessionId, "active", 1, null, true],
      [timed.sessionId, "active", 0, null, false],
      [first.sessionId, "submitted", 1, 50, false],
    ]);
    expect(await sessions.recent({ limit: 1 })).toHaveLength(1);
    await expect(sessions.recent({ limit: 0 })).rejects.toThrow();
  });
});
