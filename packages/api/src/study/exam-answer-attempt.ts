import type { AttemptFacts } from "./question-attempt.ts";

/** A question of a submitted exam session with the answer that stood at submit time. */
export interface AnsweredExamQuestion {
  /** Id of the attempt row: derivedEventId(submit event id, question id). */
  attemptId: string;
  userId: string;
  sessionId: string;
  questionId: string;
  topicId: string;
  submittedAt: string;
  selectedIndex: number;
  correctIndex: number;
}

/** Option 0 is "A": exam answers are stored as letters, like the study app's answers. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** An exam answer as an attempt, made when the session was submitted. */
export function examAnswerAttempt(answer: AnsweredExamQuestion): AttemptFacts {
  return {
    eventId: answer.attemptId,
    userId: answer.userId,
    sessionId: answer.sessionId,
    questionId: answer.questionId,
    topicId: answer.topicId,
    attemptedAt: answer.submittedAt,
    timeToAnswerSeconds: null,
    isCorrect: answer.selectedIndex === answer.correctIndex,
    confidenceLevel: null,
    selectedAnswer: optionLetter(answer.selectedIndex),
    correctAnswer: optionLetter(answer.correctIndex),
    hintUsed: false,
    explanationViewed: false,
  };
}

/** An answer event of the exam log, already upcast. */
export interface ExamAnswerEvent {
  eventType: "ANSWER_SELECTED" | "ANSWER_CHANGED";
  payload: { position: number; selected_index?: number; to_index?: number };
}

/**
 * The answer standing at each position after `answers` (in log order): the last
 * ANSWER_SELECTED or ANSWER_CHANGED of that position wins.
 */
export function standingAnswers(answers: readonly ExamAnswerEvent[]): Map<number, number> {
  const byPosition = new Map<number, number>();
  for (const answer of answers) {
    const index = answer.eventType === "ANSWER_SELECTED" ? answer.payload.selected_index : answer.payload.to_index;
    if (index !== undefined) byPosition.set(answer.payload.position, index);
  }
  return byPosition;
}
