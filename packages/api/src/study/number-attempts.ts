import type { AttemptFacts, NumberedAttempt, PriorAttempts } from "./question-attempt.ts";
import { attemptKey } from "./question-attempt.ts";
import { wholeDaysBetween } from "./utc-calendar.ts";

/**
 * Numbers attempts per learner and question in LOG order, not event_ts order: "prior"
 * means recorded earlier in the log. The log order is the only order a projection can
 * replay identically, and it is the order the learner's answers reached Chronicle.
 * `attempts` must be in log order; `priors` are the attempts already in the table.
 * days_since_last_attempt is whole 24-hour periods since the previous attempt in that
 * order (null for a first attempt, 0 if the previous one carries a later event_ts).
 */
export function numberAttempts(attempts: readonly AttemptFacts[], priors: ReadonlyMap<string, PriorAttempts>): NumberedAttempt[] {
  const running = new Map(priors);
  return attempts.map((attempt) => {
    const key = attemptKey(attempt.userId, attempt.questionId);
    const prior = running.get(key);
    const attemptNumber = (prior?.count ?? 0) + 1;
    running.set(key, { count: attemptNumber, lastAttemptedAt: attempt.attemptedAt });
    return {
      ...attempt,
      attemptNumber,
      isFirstAttempt: attemptNumber === 1,
      daysSinceLastAttempt: prior ? wholeDaysBetween(prior.lastAttemptedAt, attempt.attemptedAt) : null,
    };
  });
}
