import { bigint, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Cluster leases: who may do a piece of singleton work (a scheduled job, the export, a rebuild)
 * and until when, by the database clock. `token` grows on every acquisition, so work done under
 * an older token (a process that was frozen and woke up) is refused where it writes.
 */
export const leases = pgTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  token: bigint("token", { mode: "number" }).notNull().default(1),
  acquiredAt: timestamp("acquired_at", { withTimezone: true, mode: "string" }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
});
