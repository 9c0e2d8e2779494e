/**
 * Topic mastery: recency-weighted, Laplace-smoothed accuracy.
 *
 *   weight(attempt) = 0.5^(age_days / 30) × (2 if first attempt of that question else 1)
 *   age_days        = (latest attempt time in the topic − attempt time) / 1 day
 *   mastery         = (Σ weight × correct + 1) / (Σ weight + 2)
 *
 * Ages are measured from the learner's LATEST attempt in the topic, never from the wall
 * clock, so the score is a pure function of the attempts (a rebuild gives the same
 * number). A learner with no evidence sits at 0.5; evidence pulls the score towards
 * the weighted accuracy. First attempts count double because a repeat of a question
 * already seen (and perhaps explained) says less about what the learner knows.
 */
export const MASTERY_HALF_LIFE_DAYS = 30;
export const FIRST_ATTEMPT_WEIGHT = 2;
export const REPEAT_ATTEMPT_WEIGHT = 1;

const DAY_MS = 86_400_000;

export interface MasteryAttempt {
  attemptedAtMs: number;
  isCorrect: boolean;
  isFirstAttempt: boolean;
}

/** The running sums kept in topic_mastery, weighted as seen from `latestAttemptMs`. */
export interface MasteryEvidence {
  weightedCorrect: number;
  weightedTotal: number;
  latestAttemptMs: number | null;
}

export const NO_EVIDENCE: MasteryEvidence = { weightedCorrect: 0, weightedTotal: 0, latestAttemptMs: null };

/** 0.5^(days/30): how much evidence this many days older than the latest attempt still counts. */
export function decayOver(elapsedMs: number): number {
  return 0.5 ** (elapsedMs / DAY_MS / MASTERY_HALF_LIFE_DAYS);
}

function baseWeight(attempt: MasteryAttempt): number {
  return attempt.isFirstAttempt ? FIRST_ATTEMPT_WEIGHT : REPEAT_ATTEMPT_WEIGHT;
}

/**
 * The sums are stored as `real` (float4). Rounding after every attempt, exactly as
 * storing would, makes the result independent of how the log was cut into batches:
 * the incremental path and a rebuild fold the same attempts through the same states.
 */
const asStoredReal = Math.fround;

/**
 * Folds one attempt into the evidence. A newer attempt moves the reference time
 * forward, so the existing sums decay by 0.5^(Δdays/30) before it is added at full
 * weight; an older one (late in the log) is added already decayed.
 */
export function addAttempt(evidence: MasteryEvidence, attempt: MasteryAttempt): MasteryEvidence {
  const weight = baseWeight(attempt);
  if (evidence.latestAttemptMs === null || attempt.attemptedAtMs > evidence.latestAttemptMs) {
    const decay = evidence.latestAttemptMs === null ? 1 : decayOver(attempt.attemptedAtMs - evidence.latestAttemptMs);
    return {
      weightedCorrect: asStoredReal(evidence.weightedCorrect * decay + (attempt.isCorrect ? weight : 0)),
      weightedTotal: asStoredReal(evidence.weightedTotal * decay + weight),
      latestAttemptMs: attempt.attemptedAtMs,
    };
  }
  const decayed = weight * decayOver(evidence.latestAttemptMs - attempt.attemptedAtMs);
  return {
    weightedCorrect: asStoredReal(evidence.weightedCorrect + (attempt.isCorrect ? decayed : 0)),
    weightedTotal: asStoredReal(evidence.weightedTotal + decayed),
    latestAttemptMs: evidence.latestAttemptMs,
  };
}

/** (Σ w·correct + 1) / (Σ w + 2), as stored in topic_mastery.mastery_score. */
export function masteryScore(evidence: Pick<MasteryEvidence, "weightedCorrect" | "weightedTotal">): number {
  return asStoredReal((evidence.weightedCorrect + 1) / (evidence.weightedTotal + 2));
}

/** The closed form over every attempt at once: what the incremental fold approximates to float4 precision. */
export function masteryOfAttempts(attempts: readonly MasteryAttempt[]): number {
  if (attempts.length === 0) return 0.5;
  const latest = Math.max(...attempts.map((a) => a.attemptedAtMs));
  let weightedCorrect = 0;
  let weightedTotal = 0;
  for (const attempt of attempts) {
    const weight = baseWeight(attempt) * decayOver(latest - attempt.attemptedAtMs);
    weightedTotal += weight;
    if (attempt.isCorrect) weightedCorrect += weight;
  }
  return (weightedCorrect + 1) / (weightedTotal + 2);
}
