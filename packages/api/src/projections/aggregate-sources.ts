import { xpAwarder } from "../gamification/xp-awarder.ts";
import { answerChangesProjection } from "./answer-changes.ts";
import { behavioralFeaturesProjection } from "./behavioral-features.ts";
import { examResultsProjection } from "./exam-results.ts";
import { gameSessionsProjection } from "./game-sessions.ts";
import { learnerPerformanceProjection } from "./learner-performance.ts";
import { learningStatsProjection } from "./learning-stats.ts";
import { questionAttemptsProjection } from "./question-attempts.ts";
import { studySessionsProjection } from "./study-sessions.ts";
import { userGamificationProjection } from "./user-gamification.ts";

/** Which projections each aggregate answer reads, for its consistent-through watermark. */
export const aggregateSources = {
  learner: [learningStatsProjection, questionAttemptsProjection, userGamificationProjection, studySessionsProjection, examResultsProjection, gameSessionsProjection, learnerPerformanceProjection],
  /** The directory's XP and level (user_gamification) and mastery (topic_mastery, which question-attempts writes). */
  learners: [userGamificationProjection, questionAttemptsProjection],
  topic: [questionAttemptsProjection, learningStatsProjection, answerChangesProjection],
  /** Attempts and accuracy are summed from topic_daily_stats, which question-attempts writes. */
  topics: [questionAttemptsProjection],
  game: [gameSessionsProjection, behavioralFeaturesProjection],
  gameFeatures: [behavioralFeaturesProjection],
  gamificationProfile: [xpAwarder, userGamificationProjection],
} as const;
