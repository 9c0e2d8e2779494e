import { userGamification, type Executor } from "@chronicle/db";
import { eq } from "drizzle-orm";
import { achievementsById, xpToNextLevel } from "./xp-rules.ts";

export interface GamificationProfile {
  totalXp: number;
  level: number;
  xpToNextLevel: number;
  currentStreak: number;
  longestStreak: number;
  lastCheckinDay: string | null;
  achievements: { id: string; name: string; type: "streak" | "mastery" | "milestone"; xpReward: number }[];
}

/** The learner's XP, level, streaks and achievements as user_gamification has them; a newcomer is level 1 with nothing. */
export async function readProfile(executor: Executor, userId: string): Promise<GamificationProfile> {
  const [row] = await executor.select().from(userGamification).where(eq(userGamification.userId, userId));
  const totalXp = row?.totalXp ?? 0;
  return {
    totalXp,
    level: row?.level ?? 1,
    xpToNextLevel: xpToNextLevel(totalXp),
    currentStreak: row?.currentStreak ?? 0,
    longestStreak: row?.longestStreak ?? 0,
    lastCheckinDay: row?.lastCheckinDay ?? null,
    achievements: (row?.achievements ?? []).flatMap((id) => {
      const achievement = achievementsById.get(id);
      return achievement ? [{ id, name: achievement.name, type: achievement.type, xpReward: achievement.xpReward }] : [];
    }),
  };
}
