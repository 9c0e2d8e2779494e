import { xpAwarder } from "../gamification/xp-awarder.ts";
import { answerChangesProjection } from "./answer-changes.ts";
import { behavioralFeaturesProjection } from "./behavioral-features.ts";
import { gameSessionsProjection } from "./game-sessions.ts";
import type { Projection } from "./projection.ts";
import { studySessionsProjection } from "./study-sessions.ts";
import { materialInteractionsProjection } from "./material-interactions.ts";
import { questionAttemptsProjection } from "./question-attempts.ts";
import { learningStatsProjection } from "./learning-stats.ts";
import { examResultsProjection } from "./exam-results.ts";
import { userGamificationProjection } from "./user-gamification.ts";
import { learnerPerformanceProjection } from "./learner-performance.ts";

/**
 * Every projection of the log, in the order a pass runs them. Each owns its tables;
 * `chronicle rebuild` empties exactly these tables and replays the log.
 */
export const allProjections: readonly Projection[] = [examResultsProjection, xpAwarder, userGamificationProjection, studySessionsProjection, materialInteractionsProjection, questionAttemptsProjection, learningStatsProjection, gameSessionsProjection, behavioralFeaturesProjection, answerChangesProjection, learnerPerformanceProjection];
