import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Display names the host product registers for its learners (admin.learners shows them).
 * Privacy class: PII. Optional by design (without one the admin shows a pseudonym), never in
 * events or exports, and deleted by `chronicle erase`.
 */
export const learnerDisplayNames = pgTable("learner_display_names", {
  userId: uuid("user_id").primaryKey(),
  displayName: text("display_name").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
});
