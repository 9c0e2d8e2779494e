/** A topic needs at least this many attempts before a gap is reported. */
export const MIN_ATTEMPTS_FOR_GAP = 3;
/** At or above this mastery the gap is closed and removed. */
export const GAP_CLOSED_AT_MASTERY = 0.8;

export interface TopicEvidence {
  topicName: string;
  masteryScore: number;
  questionsAttempted: number;
  firstAttempts: number;
  firstAttemptsCorrect: number;
  /** Distinct questions of the topic the learner has attempted. */
  distinctQuestionsAttempted: number;
  /** Questions of the topic in the bank; 0 when the topic's questions are not in the bank. */
  questionsInTopic: number;
}

export function isOpenGap(evidence: Pick<TopicEvidence, "masteryScore" | "questionsAttempted">): boolean {
  return evidence.questionsAttempted >= MIN_ATTEMPTS_FOR_GAP && evidence.masteryScore < GAP_CLOSED_AT_MASTERY;
}

/**
 * Share of the topic the learner has tried: distinct questions attempted / questions in
 * the bank, at most 1. Without bank questions for the topic, what was attempted is all
 * we know of it, so coverage is 1.
 */
export function topicCoverage(evidence: Pick<TopicEvidence, "distinctQuestionsAttempted" | "questionsInTopic">): number {
  if (evidence.questionsInTopic <= 0) return 1;
  return Math.min(1, evidence.distinctQuestionsAttempted / evidence.questionsInTopic);
}

/**
 * gap_score = (1 − mastery) × coverage: a weak score over much of the topic is a surer
 * gap than the same score over two or three of its questions.
 */
export function gapScore(evidence: TopicEvidence): number {
  return (1 - evidence.masteryScore) * topicCoverage(evidence);
}

/** "3 of 9 first attempts correct in Cardiology". */
export function gapReason(evidence: TopicEvidence): string {
  const noun = evidence.firstAttempts === 1 ? "first attempt" : "first attempts";
  return `${evidence.firstAttemptsCorrect} of ${evidence.firstAttempts} ${noun} correct in ${evidence.topicName}`;
}
