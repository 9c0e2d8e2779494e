import { describe, expect, it } from "vitest";
import { numberAttempts } from "./number-attempts.ts";
import type { AttemptFacts } from "./question-attempt.ts";

const attempt = (eventId: string, questionId: string, attemptedAt: string): AttemptFacts => ({
  eventId,
  userId: "u",
  sessionId: "s",
  questionId,
  topicId: "t",
  attemptedAt,
  timeToAnswerSeconds: null,
  isCorrect: true,
  confidenceLevel: null,
  selectedAnswer: null,
  correctAnswer: null,
  hintUsed: false,
  explanationViewed: false,
});

describe("numbering attempts", () => {
  it("numbers per learner and question in log order, continuing after recorded attempts", () => {
    const numbered = numberAttempts(
      [attempt("a", "q1", "2025-03-05T10:00:00.000Z"), attempt("b", "q2", "2025-03-05T10:00:00.000Z"), attempt("c", "q1", "2025-03-06T09:00:00.000Z")],
      new Map([["u:q1", { count: 2, lastAttemptedAt: "2025-03-01T12:00:00.000Z" }]]),
    );
    expect(numbered.map((a) => [a.eventId, a.attemptNumber, a.isFirstAttempt, a.daysSinceLastAttempt])).toEqual([
      ["a", 3, false, 3],
      ["b", 1, true, null],
      ["c", 4, false, 0],
    ]);
  });

  it("defines prior by log order: an attempt with an earlier event_ts logged later is still the later attempt", () => {
    const numbered = numberAttempts([attempt("late", "q1", "2025-03-05T00:00:00.000Z"), attempt("early", "q1", "2025-03-01T00:00:00.000Z")], new Map());
    expect(numbered.map((a) => [a.eventId, a.attemptNumber, a.daysSinceLastAttempt])).toEqual([
      ["late", 1, null],
      ["early", 2, 0],
    ]);
  });
});
