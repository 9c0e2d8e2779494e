import { sql } from "drizzle-orm";
import { pgTable, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Learners erased with `chronicle erase`. Ingest refuses their events (learner_erased), so a
 * token that is still valid cannot write the learner back after the erasure.
 */
export const erasedLearners = pgTable("erased_learners", {
  learnerId: uuid("learner_id").primaryKey(),
  erasedAt: timestamp("erased_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
});
