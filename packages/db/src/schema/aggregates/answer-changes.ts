import { integer, pgTable, uuid } from "drizzle-orm/pg-core";

/**
 * Exam ANSWER_CHANGED events per question, by direction relative to the correct option:
 * right→wrong, wrong→right, or other (wrong→wrong, or a question without a key).
 */
export const answerChangeStats = pgTable("answer_change_stats", {
  questionId: uuid("question_id").primaryKey(),
  rightToWrong: integer("right_to_wrong").notNull().default(0),
  wrongToRight: integer("wrong_to_right").notNull().default(0),
  other: integer("other").notNull().default(0),
});
