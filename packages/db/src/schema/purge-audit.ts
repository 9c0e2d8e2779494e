import { sql } from "drizzle-orm";
import { bigint, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Every deletion from the log, written by chronicle_purge_events() in the same transaction. */
export const purgeAudit = pgTable("purge_audit", {
  id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
  purgedAt: timestamp("purged_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
  /** The caller's label for who purged (e.g. "chronicle retention job"). */
  actor: text("actor").notNull(),
  /** The database login that ran the purge: session_user, which no caller can write. */
  connectedAs: text("connected_as").notNull().default(sql`session_user`),
  reason: text("reason").notNull(),
  userId: uuid("user_id"),
  family: text("family"),
  cutoff: timestamp("cutoff", { withTimezone: true, mode: "string" }),
  eventsDeleted: integer("events_deleted").notNull(),
});
