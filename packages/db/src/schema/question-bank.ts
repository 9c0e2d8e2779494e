import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";

/** The exam-prep question bank (seed 000): topics, and questions with 4–5 options. */
export const topics = pgTable("topics", {
  id: uuid("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull(),
});

export const questions = pgTable(
  "questions",
  {
    id: uuid("id").primaryKey(),
    topicId: uuid("topic_id")
      .notNull()
      .references(() => topics.id),
    stem: text("stem").notNull(),
    options: jsonb("options").$type<string[]>().notNull(),
    correctIndex: integer("correct_index").notNull(),
    explanation: text("explanation").notNull(),
    difficulty: integer("difficulty").notNull(),
  },
  (t) => [index("questions_topic_id_idx").on(t.topicId)],
);
