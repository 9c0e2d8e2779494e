import type { EventFamily } from "@chronicle/contracts";
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

/** A learner is only an id and a time zone: Chronicle stores no names or e-mails. */
export const learners = pgTable("learners", {
  id: uuid("id").primaryKey(),
  timezone: text("timezone").notNull().default("UTC"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
});

/**
 * Who owns each session id, across families. Exam sessions are created by the server;
 * study, game and sync sessions are claimed by the first learner that sends an event for them.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id").notNull(),
    family: text("family").$type<EventFamily>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

export type TestSessionStatus = "active" | "submitted";

/** An exam-prep test session (seed 000). */
export const testSessions = pgTable(
  "test_sessions",
  {
    id: uuid("id")
      .primaryKey()
      .references(() => sessions.id),
    userId: uuid("user_id").notNull(),
    mode: text("mode").notNull(),
    questionCount: integer("question_count").notNull(),
    timeLimitSeconds: integer("time_limit_seconds"),
    status: text("status").$type<TestSessionStatus>().notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "string" }),
    submitReason: text("submit_reason"),
    filters: jsonb("filters").$type<{ topic_ids?: string[]; difficulty?: number[] }>().notNull().default({}),
  },
  (t) => [index("test_sessions_user_id_idx").on(t.userId), index("test_sessions_status_expires_at_idx").on(t.status, t.expiresAt)],
);

/** The questions of a test session, by 1-based position. */
export const testSessionQuestions = pgTable(
  "test_session_questions",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => testSessions.id),
    position: integer("position").notNull(),
    questionId: uuid("question_id").notNull(),
    /** The learner's current answer; the authoritative history is in the event log. */
    selectedIndex: integer("selected_index"),
    isMarked: boolean("is_marked").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.position] }), unique("test_session_questions_session_question_uq").on(t.sessionId, t.questionId)],
);
