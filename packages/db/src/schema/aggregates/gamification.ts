import { date, integer, jsonb, pgTable, uuid } from "drizzle-orm/pg-core";

/** XP, level, streaks and achievements per learner. */
export const userGamification = pgTable("user_gamification", {
  userId: uuid("user_id").primaryKey(),
  totalXp: integer("total_xp").notNull().default(0),
  level: integer("level").notNull().default(1),
  currentStreak: integer("current_streak").notNull().default(0),
  longestStreak: integer("longest_streak").notNull().default(0),
  lastCheckinDay: date("last_checkin_day", { mode: "string" }),
  achievements: jsonb("achievements").$type<string[]>().notNull().default([]),
});
