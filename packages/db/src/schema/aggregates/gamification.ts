import { date, integer, jsonb, pgTable, uuid } from "drizzle-orm/pg-core";

/** XP, level, streaks and achievements per learner, read only from the gamification events in the log. */
export const userGamification = pgTable("user_gamification", {
  userId: uuid("user_id").primaryKey(),
  totalXp: integer("total_xp").notNull().default(0),
  level: integer("level").notNull().default(1),
  currentStreak: integer("current_streak").notNull().default(0),
  longestStreak: integer("longest_streak").notNull().default(0),
  lastCheckinDay: date("last_checkin_day", { mode: "string" }),
  achievements: jsonb("achievements").$type<string[]>().notNull().default([]),
});

/**
 * The XP awarder's own working state: running totals and the counters its achievement
 * rules test. Only the `xp-awarder` projection writes it; a rebuild empties and replays
 * it, and because every event it emits has a derived id the replay appends nothing.
 */
export const gamificationProgress = pgTable("gamification_progress", {
  userId: uuid("user_id").primaryKey(),
  totalXp: integer("total_xp").notNull().default(0),
  level: integer("level").notNull().default(1),
  questionsAnswered: integer("questions_answered").notNull().default(0),
  questionsCorrect: integer("questions_correct").notNull().default(0),
  materialsCompleted: integer("materials_completed").notNull().default(0),
  quizzesCompleted: integer("quizzes_completed").notNull().default(0),
  perfectQuizzes: integer("perfect_quizzes").notNull().default(0),
  longestStreak: integer("longest_streak").notNull().default(0),
  achievements: jsonb("achievements").$type<string[]>().notNull().default([]),
});
