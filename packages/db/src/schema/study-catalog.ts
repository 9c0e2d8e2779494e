import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Study topics a study app registers (study.registerCatalog): the ids its events carry in
 * topic_id, with a name and a parent subject, so the admin names them beside the exam bank's
 * topics. Reference data, not derived from the log: a rebuild leaves it alone.
 */
export const studyTopics = pgTable("study_topics", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  subject: text("subject"),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
});

/** Study materials a study app registers: the ids its events carry in material_id, named, under a topic. */
export const studyMaterials = pgTable(
  "study_materials",
  {
    id: uuid("id").primaryKey(),
    topicId: uuid("topic_id"),
    name: text("name").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
  },
  (t) => [index("study_materials_topic_id_idx").on(t.topicId)],
);
