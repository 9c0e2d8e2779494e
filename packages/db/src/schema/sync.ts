import { sql } from "drizzle-orm";
import { jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/** Seed 001 progress items: the latest value per learner and entity, resolved by the configured strategy. */
export const syncProgress = pgTable(
  "sync_progress",
  {
    userId: uuid("user_id").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    progress: real("progress").notNull(),
    clientUpdatedAt: ts("client_updated_at").notNull(),
    serverUpdatedAt: ts("server_updated_at").notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.entityType, t.entityId] })],
);

/** Seed 001 assessment items, one row per learner and assessment. */
export const syncAssessments = pgTable(
  "sync_assessments",
  {
    userId: uuid("user_id").notNull(),
    assessmentId: text("assessment_id").notNull(),
    score: real("score").notNull(),
    maxScore: real("max_score").notNull(),
    submittedAt: ts("submitted_at").notNull(),
    /** The client's version of this value (item clientUpdatedAt, else submittedAt); conflicts compare it. */
    clientUpdatedAt: ts("client_updated_at").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    serverUpdatedAt: ts("server_updated_at").notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.assessmentId] })],
);
