import { index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/** Per learner and topic; the formula is documented where it is computed. */
export const topicMastery = pgTable(
  "topic_mastery",
  {
    userId: uuid("user_id").notNull(),
    topicId: uuid("topic_id").notNull(),
    questionsAttempted: integer("questions_attempted").notNull().default(0),
    questionsCorrect: integer("questions_correct").notNull().default(0),
    firstAttempts: integer("first_attempts").notNull().default(0),
    firstAttemptsCorrect: integer("first_attempts_correct").notNull().default(0),
    /** Recency-weighted evidence, kept so the score updates in O(1) per attempt. */
    weightedCorrect: real("weighted_correct").notNull().default(0),
    weightedTotal: real("weighted_total").notNull().default(0),
    masteryScore: real("mastery_score").notNull().default(0),
    lastAttemptAt: ts("last_attempt_at"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topicId] }), index("topic_mastery_topic_idx").on(t.topicId)],
);

/** Written by the scheduled knowledge-gap job, not per event. */
export const knowledgeGaps = pgTable(
  "knowledge_gaps",
  {
    userId: uuid("user_id").notNull(),
    topicId: uuid("topic_id").notNull(),
    gapScore: real("gap_score").notNull(),
    reason: text("reason").notNull(),
    computedAt: ts("computed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topicId] })],
);
