import type { ClientEvent } from "@chronicle/contracts";
import { loadQuestionBank } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerKey, manualClock, wrongIndex } from "../exam/testing/exam-test-kit.ts";
import { clientEvent, createTestServer, makeLearner, type TestServer } from "../testing/index.ts";
import { examResultsProjection } from "./exam-results.ts";
import { rebuildAggregates } from "./rebuild-aggregates.ts";

async function resultsRows(server: TestServer) {
  return server.db.rows<Record<string, unknown>>(
    sql`select session_id::text as session_id, user_id::text as user_id, mode, question_count, answered_count, correct_count,
               score_percent, answer_changes, marked_count, blur_count,
               to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
               to_char(submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as submitted_at, submit_reason,
               to_char(review_opened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as review_opened_at
          from test_session_results order by session_id`,
  );
}

describe.each(databaseTargets())("the exam-results projection on %s", (driver) => {
  let server: TestServer;
  const clock = manualClock();
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
    await loadQuestionBank(server.db.orm);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("folds a session's events into its result row, scoring from the log before SESSION_SUBMITTED, and a rebuild gives the same rows", async () => {
    const userId = makeLearner();
    const caller = server.learner(userId);
    const step = async (work: () => Promise<unknown>) => {
      clock.advance(1);
      await work();
      // Settling after every step applies each event in its own batch; the rebuild below applies them all in one.
      await server.settle();
    };
    const created = await caller.sessions.create({ mode: "practice", questionCount: 3 });
    const createdAt = clock.now().toISOString();
    const view = await caller.sessions.get({ sessionId: created.sessionId });
    const key = await answerKey(server.db, view.questions.map((q) => q.questionId));
    const [q1, q2] = view.questions.map((q) => ({ ...q, ...key.get(q.questionId)! }));
    const { sessionId } = created;
    const select = (position: number, selectedIndex: number) => () => caller.sessions.answer({ sessionId, position, action: "select", selectedIndex });
    const mark = (position: number, marked: boolean) => () => caller.sessions.answer({ sessionId, position, action: "mark", marked });
    const send = (events: object[]) => () => caller.telemetry.ingest({ source: "web", events: events as ClientEvent[] });

    await step(select(1, wrongIndex(q1!)));
    await step(select(1, q1!.correctIndex));
    await step(select(2, q2!.correctIndex));
    await step(select(2, wrongIndex(q2!)));
    await step(select(2, wrongIndex(q2!, 1)));
    await step(mark(1, true));
    await step(mark(2, true));
    await step(mark(1, false));
    // A client re-sending a mark that is already set must not count it twice.
    await step(send([clientEvent("MARK_FOR_REVIEW_TOGGLED", sessionId, { question_id: q2!.questionId, payload: { position: 2, marked: true } })]));
    await step(
      send([
        clientEvent("PAUSE_BLUR", sessionId, { payload: { state: "blur" } }),
        clientEvent("PAUSE_BLUR", sessionId, { payload: { state: "focus" } }),
        clientEvent("PAUSE_BLUR", sessionId, { payload: { state: "blur" } }),
      ]),
    );
    await step(() => caller.sessions.submit({ sessionId }));
    const submittedAt = clock.now().toISOString();
    // Exam analytics come from the server's answers: a client-sent ANSWER_* is stored, but counts neither as a change nor in the score.
    await step(send([clientEvent("ANSWER_CHANGED", sessionId, { question_id: q2!.questionId, payload: { position: 2, from_index: wrongIndex(q2!, 1), to_index: q2!.correctIndex } })]));
    await step(() => caller.sessions.review({ sessionId }));
    const reviewOpenedAt = clock.now().toISOString();
    await step(() => caller.sessions.review({ sessionId }));

    const incremental = await resultsRows(server);
    expect(incremental.find((row) => row.session_id === sessionId)).toEqual({
      session_id: sessionId,
      user_id: userId,
      mode: "practice",
      question_count: 3,
      answered_count: 2,
      correct_count: 1,
      score_percent: 33.33,
      answer_changes: 3,
      marked_count: 1,
      blur_count: 2,
      created_at: createdAt,
      submitted_at: submittedAt,
      submit_reason: "manual",
      review_opened_at: reviewOpenedAt,
    });

    await rebuildAggregates(server.db, [examResultsProjection]);
    expect(await resultsRows(server)).toEqual(incremental);
  });
});
