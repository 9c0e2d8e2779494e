import type { EventPayloadInput } from "@chronicle/contracts";

/**
 * The one table of gamification rules (docs/gamification.md shows it for humans; keep
 * both in step). Every award is a pure function of logged events, so the XP awarder
 * gives the same amounts when a rebuild replays the log.
 *
 * | Rule                          | XP                                   | xp_source        |
 * |-------------------------------|--------------------------------------|------------------|
 * | question_correct              | 10 per correct study answer          | question_correct |
 * | question_first_attempt_bonus  | +5 when it was right the first time  | question_correct |
 * | exam answer correct           | 10 per correct answer at submission  | question_correct |
 * | material_complete             | 20, first completion of a material   | material_complete|
 * | quiz_complete (by accuracy)   | 100 % → 50, ≥ 80 % → 30, ≥ 50 % → 15, else 5 | quiz_complete |
 * | session_complete (exam)       | 20 when ≥ 1 question was answered    | quiz_complete    |
 * | streak_continued              | 5 × new streak, at most 50           | streak           |
 * | achievement                   | the achievement's xp_reward          | achievement      |
 */
export const xpRules = {
  questionCorrect: 10,
  questionFirstAttemptBonus: 5,
  examAnswerCorrect: 10,
  materialComplete: 20,
  /** Checked top to bottom; accuracy is correct_answers / total_questions. */
  quizCompleteByAccuracy: [
    { minAccuracy: 1, xp: 50 },
    { minAccuracy: 0.8, xp: 30 },
    { minAccuracy: 0.5, xp: 15 },
    { minAccuracy: 0, xp: 5 },
  ],
  sessionComplete: 20,
  streakXpPerDay: 5,
  streakXpCap: 50,
  /** A quiz or exam session counts as perfect only with at least this many questions, so a one-question quiz is not a trophy. */
  perfectQuizMinQuestions: 5,
} as const;

export function quizCompleteXp(correctAnswers: number, totalQuestions: number): number {
  const accuracy = totalQuestions > 0 ? Math.min(1, correctAnswers / totalQuestions) : 0;
  return xpRules.quizCompleteByAccuracy.find((tier) => accuracy >= tier.minAccuracy)!.xp;
}

export function streakXp(newStreak: number): number {
  return Math.min(xpRules.streakXpCap, xpRules.streakXpPerDay * newStreak);
}

/** The contract caps levels at 1000. */
export const MAX_LEVEL = 1000;

/**
 * Level n needs 50·n·(n−1) total XP: level 1 at 0, 2 at 100, 3 at 300, 4 at 600,
 * 5 at 1000, 10 at 4500. Each level costs 100 XP more than the one before.
 */
export function xpForLevel(level: number): number {
  return 50 * level * (level - 1);
}

export function levelForXp(totalXp: number): number {
  // The closed form is only a first guess; integer steps settle float rounding at the bounds.
  let level = Math.max(1, Math.floor((1 + Math.sqrt(1 + (8 * totalXp) / 100)) / 2));
  while (level > 1 && xpForLevel(level) > totalXp) level -= 1;
  while (level < MAX_LEVEL && xpForLevel(level + 1) <= totalXp) level += 1;
  return Math.min(level, MAX_LEVEL);
}

/** XP still needed for the next level; 0 at the top level. */
export function xpToNextLevel(totalXp: number): number {
  const level = levelForXp(totalXp);
  return level >= MAX_LEVEL ? 0 : xpForLevel(level + 1) - totalXp;
}

/** The counters achievements are judged on, kept by the XP awarder per learner. */
export interface AchievementCounters {
  level: number;
  questionsAnswered: number;
  questionsCorrect: number;
  materialsCompleted: number;
  quizzesCompleted: number;
  perfectQuizzes: number;
  longestStreak: number;
}

type AchievementType = EventPayloadInput<"achievement_unlocked">["achievement_type"];

export interface Achievement {
  id: string;
  name: string;
  type: AchievementType;
  xpReward: number;
  isEarned(counters: AchievementCounters): boolean;
}

/** Unlocked at most once per learner, in this order when several are earned at once. */
export const achievements: readonly Achievement[] = [
  { id: "first_question", name: "First question answered", type: "milestone", xpReward: 10, isEarned: (c) => c.questionsAnswered >= 1 },
  { id: "first_material_complete", name: "First material finished", type: "milestone", xpReward: 10, isEarned: (c) => c.materialsCompleted >= 1 },
  { id: "first_quiz_complete", name: "First quiz finished", type: "milestone", xpReward: 10, isEarned: (c) => c.quizzesCompleted >= 1 },
  { id: "perfect_quiz", name: "Perfect quiz", type: "mastery", xpReward: 50, isEarned: (c) => c.perfectQuizzes >= 1 },
  { id: "questions_100", name: "100 correct answers", type: "mastery", xpReward: 100, isEarned: (c) => c.questionsCorrect >= 100 },
  { id: "streak_3", name: "Three-day streak", type: "streak", xpReward: 15, isEarned: (c) => c.longestStreak >= 3 },
  { id: "streak_7", name: "Seven-day streak", type: "streak", xpReward: 50, isEarned: (c) => c.longestStreak >= 7 },
  { id: "streak_30", name: "Thirty-day streak", type: "streak", xpReward: 200, isEarned: (c) => c.longestStreak >= 30 },
  { id: "level_5", name: "Level 5", type: "milestone", xpReward: 100, isEarned: (c) => c.level >= 5 },
  { id: "level_10", name: "Level 10", type: "milestone", xpReward: 250, isEarned: (c) => c.level >= 10 },
];

export const achievementsById: ReadonlyMap<string, Achievement> = new Map(achievements.map((a) => [a.id, a]));
