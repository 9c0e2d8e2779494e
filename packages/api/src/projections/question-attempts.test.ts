import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derivedEventId } from "../emit/emit-server-events.ts";
import { emitAsServer, ingest, makeTopic, studyEvent, submitPayload, testClock } from "../study/study-test-kit.ts";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../testing/index.ts";

interface AttemptRow {
  event_id: string;
  question_id: string;
  is_correct: boolean;
  is_first_attempt: boolean;
  attempt_number: number;
  days_since_last_attempt: number | null;
  hint_used: boolean;
  explanation_viewed: boolean;
  selected_answer: string | null;
  correct_answer: string | null;
}

async function attemptsOf(server: TestServer, userId: string): Promise<AttemptRow[]> {
  return server.db.rows(sql`
    select event_id::text as event_id, question_id::text as question_id, is_correct, is_first_attempt, attempt_number,
           days_since_last_attempt, hint_used, explanation_viewed, selected_answer, correct_answer
      from question_attempts where user_id = ${userId}::uuid order by attempted_at, question_id, attempt_number`);
}

async function masteryOf(server: TestServer, userId: string, topicId: string) {
  const [row] = await server.db.rows<Record<string, unknown>>(sql`
    select questions_attempted, questions_correct, first_attempts, first_attempts_correct, mastery_score,
           to_char(last_attempt_at at time zone 'UTC', 'YYYY-MM-DD') as last_attempt_day
      from topic_mastery where user_id = ${userId}::uuid and topic_id = ${topicId}::uuid`);
  return row;
}

describe.each(databaseTargets())("question-attempts projection on %s", (driver) => {
  let server: TestServer;
  const clock = testClock("2025-03-01T10:00:00.000Z");
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("numbers study attempts, flags hints and earlier explanations, and derives topic stats and mastery", async () => {
    const learner = makeLearner();
    const sessionId = randomUUID();
    const { topicId, questionIds } = await makeTopic(server.db, "Cardiology", 3);
    const [q1, q2, q3] = questionIds as [string, string, string];
    clock.set("2025-03-01T10:00:00.000Z");
    const dayZero = [
      studyEvent("question_submit", sessionId, submitPayload(q1, topicId, false, { hint_used: true })),
      studyEvent("ai_explanation_requested", sessionId, { question_id: q2, topic_id: topicId, time_before_explanation: 20 }),
      studyEvent("question_submit", sessionId, submitPayload(q2, topicId, true, { explanation_viewed: false })),
      studyEvent("question_submit", sessionId, submitPayload(q3, topicId, false)),
      // After q3's submit in the log: it did not help that answer.
      studyEvent("ai_explanation_requested", sessionId, { question_id: q3, topic_id: topicId, time_before_explanation: 5 }),
    ];
    await ingest(server, learner, dayZero);
    await server.settle();
    clock.set("2025-03-04T10:00:00.000Z");
    // The client claims a first attempt; the projection knows better.
    const retry = studyEvent("question_submit", sessionId, submitPayload(q1, topicId, true, { is_first_attempt: true, attempt_number: 1 }));
    await ingest(server, learner, [retry]);
    await ingest(server, learner, dayZero);
    await ingest(server, learner, [retry]);
    await server.settle();

    const pick = ({ question_id, is_correct, is_first_attempt, attempt_number, days_since_last_attempt, hint_used, explanation_viewed }: AttemptRow) => ({
      question_id,
      is_correct,
      is_first_attempt,
      attempt_number,
      days_since_last_attempt,
      hint_used,
      explanation_viewed,
    });
    const expectedDayZero = [
      { question_id: q1, is_correct: false, is_first_attempt: true, attempt_number: 1, days_since_last_attempt: null, hint_used: true, explanation_viewed: false },
      { question_id: q2, is_correct: true, is_first_attempt: true, attempt_number: 1, days_since_last_attempt: null, hint_used: false, explanation_viewed: true },
      { question_id: q3, is_correct: false, is_first_attempt: true, attempt_number: 1, days_since_last_attempt: null, hint_used: false, explanation_viewed: false },
    ].sort((a, b) => a.question_id.localeCompare(b.question_id));
    expect((await attemptsOf(server, learner)).map(pick)).toEqual([
      ...expectedDayZero,
      { question_id: q1, is_correct: true, is_first_attempt: false, attempt_number: 2, days_since_last_attempt: 3, hint_used: false, explanation_viewed: false },
    ]);

    // Weights seen from day 3: the three day-0 first attempts 2 × 0.5^(3/30) = 1.866066 each,
    // the day-3 repeat 1. Σw = 6.598198, Σw·correct = 2.866066 → (2.866066 + 1) / (6.598198 + 2).
    expect(await masteryOf(server, learner, topicId)).toEqual({
      questions_attempted: 4,
      questions_correct: 2,
      first_attempts: 3,
      first_attempts_correct: 1,
      mastery_score: expect.closeTo(0.449637, 6),
      last_attempt_day: "2025-03-04",
    });
    expect(
      await server.db.rows(sql`select day::text as day, attempts, correct, first_attempts, first_attempts_correct
                                 from topic_daily_stats where topic_id = ${topicId}::uuid order by day`),
    ).toEqual([
      { day: "2025-03-01", attempts: 3, correct: 1, first_attempts: 3, first_attempts_correct: 1 },
      { day: "2025-03-04", attempts: 1, correct: 1, first_attempts: 0, first_attempts_correct: 0 },
    ]);
    expect(
      await server.db.rows(sql`select day::text as day, questions_attempted, questions_correct
                                 from daily_user_stats where user_id = ${learner}::uuid order by day`),
    ).toEqual([
      { day: "2025-03-01", questions_attempted: 3, questions_correct: 1 },
      { day: "2025-03-04", questions_attempted: 1, questions_correct: 1 },
    ]);
  });

  it("orders attempts by the log when event_ts runs backwards", async () => {
    const learner = makeLearner();
    const sessionId = randomUUID();
    const question = randomUUID();
    const topic = randomUUID();
    clock.set("2025-03-10T12:00:00.000Z");
    await ingest(server, learner, [studyEvent("question_submit", sessionId, submitPayload(question, topic, true))]);
    clock.set("2025-03-08T12:00:00.000Z");
    await ingest(server, learner, [studyEvent("question_submit", sessionId, submitPayload(question, topic, false))]);
    await server.settle();
    expect((await attemptsOf(server, learner)).map((a) => [a.is_correct, a.attempt_number, a.is_first_attempt, a.days_since_last_attempt])).toEqual([
      [false, 2, false, 0],
      [true, 1, true, null],
    ]);
  });

  it("records each answered exam question at submit with the answer that stood before it", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner, 3);
    const { topicId } = await makeTopic(server.db, "Renal", 3, exam.questionIds);
    const [q1, q2] = exam.questionIds as [string, string, string];
    clock.set("2025-03-12T09:00:00.000Z");
    // The server records exam answers (sessions.answer); exam analytics read only those.
    await emitAsServer(server, clock.at, [
      { type: "ANSWER_SELECTED", sessionId: exam.sessionId, userId: learner, questionId: q1, payload: { position: 1, selected_index: 2 } },
      { type: "ANSWER_CHANGED", sessionId: exam.sessionId, userId: learner, questionId: q1, payload: { position: 1, from_index: 2, to_index: 1 } },
      { type: "ANSWER_SELECTED", sessionId: exam.sessionId, userId: learner, questionId: q2, payload: { position: 2, selected_index: 0 } },
    ]);
    // A client-sent answer before the submit is telemetry only: it must not rewrite q2's attempt.
    await ingest(server, learner, [clientEvent("ANSWER_CHANGED", exam.sessionId, { question_id: q2, payload: { position: 2, from_index: 0, to_index: 1 } })]);
    const submitId = derivedEventId(exam.sessionId, "SESSION_SUBMITTED");
    await emitAsServer(server, clock.at, [{ id: submitId, type: "SESSION_SUBMITTED", sessionId: exam.sessionId, userId: learner, payload: { reason: "manual" } }]);
    await ingest(server, learner, [clientEvent("ANSWER_CHANGED", exam.sessionId, { question_id: q2, payload: { position: 2, from_index: 0, to_index: 1 } })]);
    await emitAsServer(server, clock.at, [{ type: "SESSION_SUBMITTED", sessionId: exam.sessionId, userId: learner, payload: { reason: "expired" } }]);
    await server.settle();

    expect((await attemptsOf(server, learner)).map((a) => [a.event_id, a.question_id, a.selected_answer, a.correct_answer, a.is_correct, a.attempt_number])).toEqual(
      [
        [derivedEventId(submitId, q1), q1, "B", "B", true, 1],
        [derivedEventId(submitId, q2), q2, "A", "B", false, 1],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    // Two first attempts at the same moment, one correct: (2 + 1) / (4 + 2).
    expect(await masteryOf(server, learner, topicId)).toMatchObject({ questions_attempted: 2, first_attempts_correct: 1, mastery_score: 0.5 });
  });
});
