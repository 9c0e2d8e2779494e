import { date, integer, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";

/** Per learner and UTC day. */
export const dailyUserStats = pgTable(
  "daily_user_stats",
  {
    userId: uuid("user_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    questionsAttempted: integer("questions_attempted").notNull().default(0),
    questionsCorrect: integer("questions_correct").notNull().default(0),
    studySeconds: integer("study_seconds").notNull().default(0),
    sessionsStarted: integer("sessions_started").notNull().default(0),
    materialsCompleted: integer("materials_completed").notNull().default(0),
    xpEarned: integer("xp_earned").notNull().default(0),
    eventsCount: integer("events_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

/** Per topic and UTC day, over all learners. */
export const topicDailyStats = pgTable(
  "topic_daily_stats",
  {
    topicId: uuid("topic_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    correct: integer("correct").notNull().default(0),
    firstAttempts: integer("first_attempts").notNull().default(0),
    firstAttemptsCorrect: integer("first_attempts_correct").notNull().default(0),
    materialsCompleted: integer("materials_completed").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.day] })],
);

/** Per learner and ISO week (week_start is the Monday, UTC): the same sums as daily_user_stats, plus active days. */
export const weeklyUserStats = pgTable(
  "weekly_user_stats",
  {
    userId: uuid("user_id").notNull(),
    weekStart: date("week_start", { mode: "string" }).notNull(),
    questionsAttempted: integer("questions_attempted").notNull().default(0),
    questionsCorrect: integer("questions_correct").notNull().default(0),
    studySeconds: integer("study_seconds").notNull().default(0),
    activeDays: integer("active_days").notNull().default(0),
    xpEarned: integer("xp_earned").notNull().default(0),
    sessionsStarted: integer("sessions_started").notNull().default(0),
    materialsCompleted: integer("materials_completed").notNull().default(0),
    eventsCount: integer("events_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.weekStart] })],
);
