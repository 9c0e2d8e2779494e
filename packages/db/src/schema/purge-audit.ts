import { sql } from "drizzle-orm";
import { bigint, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Every deletion from the log, written by chronicle_purge_events() in the same transaction. */
export const purgeAudit = pgTable("purge_audit", {
  id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
  purgedAt: timestamp("purged_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
  actor: text("actor").notNull(),
  reason: text("reason").notNull(),
  userId: uuid("user_id"),
  family: text("family"),
  cutoff: timestamp("cutoff", { withTimezone: true, mode: "string" }),
  eventsDeleted: integer("events_deleted").notNull(),
});
