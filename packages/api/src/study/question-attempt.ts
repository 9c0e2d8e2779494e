/** What one answer to one question says, before it is numbered among the learner's attempts. */
export interface AttemptFacts {
  /** The question_submit event's id, or a derived id for an exam answer (one per submit and question). */
  eventId: string;
  userId: string;
  sessionId: string;
  questionId: string;
  topicId: string | null;
  attemptedAt: string;
  timeToAnswerSeconds: number | null;
  isCorrect: boolean;
  confidenceLevel: number | null;
  selectedAnswer: string | null;
  correctAnswer: string | null;
  hintUsed: boolean;
  explanationViewed: boolean;
}

export interface NumberedAttempt extends AttemptFacts {
  isFirstAttempt: boolean;
  attemptNumber: number;
  daysSinceLastAttempt: number | null;
}

/** The learner's attempts at one question already recorded (earlier in the log). */
export interface PriorAttempts {
  count: number;
  /** attempted_at of the latest of them in log order (the highest attempt_number). */
  lastAttemptedAt: string;
}

export function attemptKey(userId: string, questionId: string): string {
  return `${userId}:${questionId}`;
}
