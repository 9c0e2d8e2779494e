import { index, integer, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/** One row per exam session, projected from its SESSION_* and answer events. */
export const testSessionResults = pgTable(
  "test_session_results",
  {
    sessionId: uuid("session_id").primaryKey(),
    userId: uuid("user_id").notNull(),
    mode: text("mode"),
    questionCount: integer("question_count").notNull().default(0),
    answeredCount: integer("answered_count").notNull().default(0),
    correctCount: integer("correct_count").notNull().default(0),
    scorePercent: real("score_percent"),
    answerChanges: integer("answer_changes").notNull().default(0),
    markedCount: integer("marked_count").notNull().default(0),
    blurCount: integer("blur_count").notNull().default(0),
    createdAt: ts("created_at"),
    submittedAt: ts("submitted_at"),
    submitReason: text("submit_reason"),
    reviewOpenedAt: ts("review_opened_at"),
  },
  (t) => [
    // The admin learner view lists a learner's newest exam sessions.
    index("test_session_results_user_id_created_at_idx").on(t.userId, t.createdAt),
  ],
);
