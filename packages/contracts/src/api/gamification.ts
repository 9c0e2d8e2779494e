import { z } from "zod";
import { noInput } from "./no-input.ts";
import { consistencyWatermark } from "./watermark.ts";

const utcDay = z.iso.date();
const nonNegative = z.int().min(0);

/** gamification.checkin takes nothing: the learner comes from the token and the day from the server's clock. */
export const gamificationCheckinInput = noInput;

/** The check-in day is the UTC date of the server's clock, whatever the learner's time zone. */
export const gamificationCheckinOutput = z.object({
  /** False when the learner had already checked in on this UTC day; nothing new was recorded. */
  isNewCheckin: z.boolean(),
  checkinDay: utcDay,
  currentStreak: nonNegative,
  longestStreak: nonNegative,
  isNewRecord: z.boolean(),
});
export type GamificationCheckinOutput = z.infer<typeof gamificationCheckinOutput>;

export const gamificationProfileInput = noInput;

export const gamificationAchievement = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(["streak", "mastery", "milestone"]),
  xpReward: nonNegative,
});

export const gamificationProfileOutput = z.object({
  totalXp: nonNegative,
  level: z.int().min(1),
  /** XP still needed to reach the next level; 0 at the top level. */
  xpToNextLevel: nonNegative,
  currentStreak: nonNegative,
  longestStreak: nonNegative,
  lastCheckinDay: utcDay.nullable(),
  /** In the order they were unlocked. */
  achievements: z.array(gamificationAchievement),
  /** The log position and time this profile includes every event up to. */
  watermark: consistencyWatermark,
});
export type GamificationProfileOutput = z.infer<typeof gamificationProfileOutput>;
