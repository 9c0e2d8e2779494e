import { index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/**
 * Seed 001's interview and assessment results as a learner's score series (projection
 * learner-performance): one row per interview_completed / assessment_submitted event with a score.
 */
export const learnerScores = pgTable(
  "learner_scores",
  {
    eventId: uuid("event_id").primaryKey(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").$type<"interview" | "assessment">().notNull(),
    itemId: text("item_id").notNull(),
    score: real("score").notNull(),
    scoredAt: ts("scored_at").notNull(),
  },
  (t) => [index("learner_scores_user_id_scored_at_idx").on(t.userId, t.scoredAt)],
);

/** The weak areas interviews named for a learner, how often and when last (projection learner-performance). */
export const learnerWeakAreas = pgTable(
  "learner_weak_areas",
  {
    userId: uuid("user_id").notNull(),
    area: text("area").notNull(),
    mentions: integer("mentions").notNull().default(0),
    lastSeenAt: ts("last_seen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.area] })],
);
