import type { EventPayloadInput } from "@chronicle/contracts";
import { derivedEventId, type ServerEvent } from "../emit/emit-server-events.ts";
import { achievements, levelForXp, quizCompleteXp, streakXp, xpRules, type AchievementCounters } from "./xp-rules.ts";

/** The XP awarder's state for one learner (a row of gamification_progress). */
export interface Progress extends AchievementCounters {
  totalXp: number;
  achievements: string[];
}

export function emptyProgress(): Progress {
  return {
    totalXp: 0,
    level: 1,
    questionsAnswered: 0,
    questionsCorrect: 0,
    materialsCompleted: 0,
    quizzesCompleted: 0,
    perfectQuizzes: 0,
    longestStreak: 0,
    achievements: [],
  };
}

/** One learner activity that can earn XP, read from one logged event. */
export type Activity = {
  sourceEventId: string;
  userId: string;
  /** The session the derived events are logged in. */
  sessionId: string;
  /** The source event's event_ts: derived events carry it, so a replay writes identical rows. */
  at: string;
} & (
  | { kind: "question_answered"; isCorrect: boolean; isFirstAttempt: boolean }
  | { kind: "material_completed"; isFirstCompletion: boolean }
  | { kind: "quiz_completed"; correctAnswers: number; totalQuestions: number }
  | { kind: "exam_submitted"; questionCount: number; answered: number; correct: number }
  | { kind: "streak_continued"; newStreak: number }
);

export type AwardedEvent = ServerEvent & { id: string; at: string };

type XpSource = EventPayloadInput<"xp_earned">["xp_source"];

interface XpAward {
  /** Names the rule in the derived id, so two awards for one source event get two ids. */
  rule: string;
  source: XpSource;
  amount: number;
}

/** Updates the counters for the activity and returns the XP it earns under `xpRules`. */
function countAndPrice(progress: Progress, activity: Activity): XpAward[] {
  switch (activity.kind) {
    case "question_answered": {
      progress.questionsAnswered += 1;
      if (!activity.isCorrect) return [];
      progress.questionsCorrect += 1;
      const bonus = activity.isFirstAttempt ? xpRules.questionFirstAttemptBonus : 0;
      return [{ rule: "question_correct", source: "question_correct", amount: xpRules.questionCorrect + bonus }];
    }
    case "material_completed": {
      if (!activity.isFirstCompletion) return [];
      progress.materialsCompleted += 1;
      return [{ rule: "material_complete", source: "material_complete", amount: xpRules.materialComplete }];
    }
    case "quiz_completed": {
      progress.quizzesCompleted += 1;
      const isPerfect = activity.totalQuestions >= xpRules.perfectQuizMinQuestions && activity.correctAnswers >= activity.totalQuestions;
      if (isPerfect) progress.perfectQuizzes += 1;
      return [{ rule: "quiz_complete", source: "quiz_complete", amount: quizCompleteXp(activity.correctAnswers, activity.totalQuestions) }];
    }
    case "exam_submitted": {
      // An exam session left without a single answer earns nothing and is not a completed quiz.
      if (activity.answered === 0) return [];
      progress.questionsAnswered += activity.answered;
      progress.questionsCorrect += activity.correct;
      progress.quizzesCompleted += 1;
      if (activity.questionCount >= xpRules.perfectQuizMinQuestions && activity.correct === activity.questionCount) progress.perfectQuizzes += 1;
      return [
        { rule: "question_correct", source: "question_correct", amount: xpRules.examAnswerCorrect * activity.correct },
        { rule: "session_complete", source: "quiz_complete", amount: xpRules.sessionComplete },
      ];
    }
    case "streak_continued": {
      progress.longestStreak = Math.max(progress.longestStreak, activity.newStreak);
      return [{ rule: "streak_continued", source: "streak", amount: streakXp(activity.newStreak) }];
    }
  }
}

/**
 * The process manager's core, a pure function: the learner's state after one activity,
 * and the xp_earned, level_up and achievement_unlocked events it causes. Ids are derived
 * from the source event (achievements from learner and achievement), so a replay
 * re-emits the same ids and the log does not change.
 */
export function awardActivity(before: Progress, activity: Activity): { progress: Progress; events: AwardedEvent[] } {
  const progress: Progress = { ...before, achievements: [...before.achievements] };
  const events: AwardedEvent[] = [];
  const base = { userId: activity.userId, sessionId: activity.sessionId, at: activity.at };

  const grant = (xpEventId: string, source: XpSource, amount: number) => {
    if (amount <= 0) return;
    progress.totalXp += amount;
    events.push({ ...base, id: xpEventId, type: "xp_earned", payload: { xp_amount: amount, xp_source: source, new_total_xp: progress.totalXp } });
    const newLevel = levelForXp(progress.totalXp);
    if (newLevel > progress.level) {
      events.push({
        ...base,
        id: derivedEventId(xpEventId, "level"),
        type: "level_up",
        payload: { old_level: progress.level, new_level: newLevel, total_xp: progress.totalXp },
      });
      progress.level = newLevel;
    }
  };

  for (const award of countAndPrice(progress, activity)) {
    grant(derivedEventId(activity.sourceEventId, "xp", award.rule), award.source, award.amount);
  }

  // An achievement's reward can level the learner up and so earn a level achievement: repeat until nothing new.
  for (;;) {
    const earned = achievements.find((a) => !progress.achievements.includes(a.id) && a.isEarned(progress));
    if (!earned) break;
    progress.achievements.push(earned.id);
    const unlockId = derivedEventId(activity.userId, "achievement", earned.id);
    events.push({
      ...base,
      id: unlockId,
      type: "achievement_unlocked",
      payload: { achievement_id: earned.id, achievement_name: earned.name, achievement_type: earned.type, xp_reward: earned.xpReward },
    });
    grant(derivedEventId(unlockId, "xp"), "achievement", earned.xpReward);
  }
  return { progress, events };
}
