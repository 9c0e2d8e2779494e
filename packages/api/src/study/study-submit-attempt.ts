import type { EventPayload } from "@chronicle/contracts";
import type { AttemptFacts } from "./question-attempt.ts";

export interface StudySubmit {
  id: string;
  userId: string;
  sessionId: string;
  eventTs: string;
  payload: EventPayload<"question_submit">;
}

/**
 * A study question_submit as an attempt. Correctness, answers, time and hint come from
 * the payload; the client's is_first_attempt / attempt_number are ignored because the
 * projection numbers attempts itself. Explanation: the payload says so, or the learner
 * asked for one on this question earlier in the session (`explainedBefore`).
 */
export function studySubmitAttempt(submit: StudySubmit, explainedBefore: boolean): AttemptFacts {
  const { payload } = submit;
  return {
    eventId: submit.id,
    userId: submit.userId,
    sessionId: submit.sessionId,
    questionId: payload.question_id.toLowerCase(),
    topicId: payload.topic_id.toLowerCase(),
    attemptedAt: submit.eventTs,
    timeToAnswerSeconds: payload.time_to_answer_seconds,
    isCorrect: payload.is_correct,
    confidenceLevel: payload.confidence_level ?? null,
    selectedAnswer: payload.selected_answer,
    correctAnswer: payload.correct_answer,
    hintUsed: payload.hint_used,
    explanationViewed: payload.explanation_viewed === true || explainedBefore,
  };
}
