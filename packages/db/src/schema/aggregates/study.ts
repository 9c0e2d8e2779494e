import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/** Seed 002's StudySession, projected from session_* and activity events. */
export const studySessions = pgTable(
  "study_sessions",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id").notNull(),
    startedAt: ts("started_at").notNull(),
    endedAt: ts("ended_at"),
    isActive: boolean("is_active").notNull().default(true),
    durationSeconds: integer("duration_seconds").notNull().default(0),
    activeSeconds: integer("active_seconds").notNull().default(0),
    pauseCount: integer("pause_count").notNull().default(0),
    materialsViewed: integer("materials_viewed").notNull().default(0),
    materialsCompleted: integer("materials_completed").notNull().default(0),
    chunksRead: integer("chunks_read").notNull().default(0),
    questionsAttempted: integer("questions_attempted").notNull().default(0),
    questionsCorrect: integer("questions_correct").notNull().default(0),
    aiInteractions: integer("ai_interactions").notNull().default(0),
    xpEarned: integer("xp_earned").notNull().default(0),
    achievementsUnlocked: integer("achievements_unlocked").notNull().default(0),
  },
  (t) => [index("study_sessions_user_id_started_at_idx").on(t.userId, t.startedAt)],
);

/** Seed 002's MaterialInteraction: one row per (session, material). */
export const materialInteractions = pgTable(
  "material_interactions",
  {
    sessionId: uuid("session_id").notNull(),
    materialId: uuid("material_id").notNull(),
    userId: uuid("user_id").notNull(),
    topicId: uuid("topic_id"),
    startedAt: ts("started_at").notNull(),
    endedAt: ts("ended_at"),
    durationSeconds: integer("duration_seconds").notNull().default(0),
    scrollDepthPercent: integer("scroll_depth_percent").notNull().default(0),
    isComplete: boolean("is_complete").notNull().default(false),
    highlightsCount: integer("highlights_count").notNull().default(0),
    notesCount: integer("notes_count").notNull().default(0),
    bookmarked: boolean("bookmarked").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.materialId] }), index("material_interactions_user_id_idx").on(t.userId)],
);

/** Seed 002's QuestionAttempt, from study question_submit and exam answers at submit. */
export const questionAttempts = pgTable(
  "question_attempts",
  {
    eventId: uuid("event_id").primaryKey(),
    userId: uuid("user_id").notNull(),
    sessionId: uuid("session_id").notNull(),
    questionId: uuid("question_id").notNull(),
    topicId: uuid("topic_id"),
    attemptedAt: ts("attempted_at").notNull(),
    timeToAnswerSeconds: real("time_to_answer_seconds"),
    isCorrect: boolean("is_correct").notNull(),
    confidenceLevel: integer("confidence_level"),
    selectedAnswer: text("selected_answer"),
    correctAnswer: text("correct_answer"),
    isFirstAttempt: boolean("is_first_attempt").notNull(),
    attemptNumber: integer("attempt_number").notNull(),
    daysSinceLastAttempt: integer("days_since_last_attempt"),
    hintUsed: boolean("hint_used").notNull().default(false),
    explanationViewed: boolean("explanation_viewed").notNull().default(false),
  },
  (t) => [
    index("question_attempts_user_question_idx").on(t.userId, t.questionId, t.attemptedAt),
    index("question_attempts_topic_idx").on(t.topicId, t.attemptedAt),
    // The admin topic view ranks questions by first-attempt accuracy with an index-only scan.
    index("question_attempts_topic_first_attempt_idx").on(t.topicId, t.questionId, t.isCorrect).where(sql`is_first_attempt`),
  ],
);
