import type { NumberedAttempt } from "./question-attempt.ts";
import { isoWeekStart, utcDay } from "./utc-calendar.ts";

export interface TopicAttemptTally {
  topicId: string;
  day: string;
  attempts: number;
  correct: number;
  firstAttempts: number;
  firstAttemptsCorrect: number;
}

export interface LearnerAttemptTally {
  userId: string;
  day: string;
  weekStart: string;
  questionsAttempted: number;
  questionsCorrect: number;
}

export interface AttemptTallies {
  topicDays: TopicAttemptTally[];
  learnerDays: LearnerAttemptTally[];
}

/** Sums newly recorded attempts per (topic, UTC day) and per (learner, UTC day) of attempted_at. */
export function tallyAttempts(attempts: readonly NumberedAttempt[]): AttemptTallies {
  const topicDays = new Map<string, TopicAttemptTally>();
  const learnerDays = new Map<string, LearnerAttemptTally>();
  for (const attempt of attempts) {
    const day = utcDay(attempt.attemptedAt);
    const correct = attempt.isCorrect ? 1 : 0;
    const learnerKey = `${attempt.userId}:${day}`;
    const learner = learnerDays.get(learnerKey) ?? { userId: attempt.userId, day, weekStart: isoWeekStart(day), questionsAttempted: 0, questionsCorrect: 0 };
    learner.questionsAttempted += 1;
    learner.questionsCorrect += correct;
    learnerDays.set(learnerKey, learner);
    if (attempt.topicId === null) continue;
    const topicKey = `${attempt.topicId}:${day}`;
    const topic = topicDays.get(topicKey) ?? { topicId: attempt.topicId, day, attempts: 0, correct: 0, firstAttempts: 0, firstAttemptsCorrect: 0 };
    topic.attempts += 1;
    topic.correct += correct;
    if (attempt.isFirstAttempt) {
      topic.firstAttempts += 1;
      topic.firstAttemptsCorrect += correct;
    }
    topicDays.set(topicKey, topic);
  }
  return { topicDays: [...topicDays.values()], learnerDays: [...learnerDays.values()] };
}
