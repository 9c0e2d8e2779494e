import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * One row per event id ever appended and not purged: the log's global idempotency key. The
 * partitioned log cannot hold a unique index on id alone, so its insert trigger claims the id
 * here first (migration 0023). content_hash tells a retry (same hash) from a conflict (other
 * hash); event_ts says which month partition holds the row. The app may only read and insert;
 * the purge function removes ids with their events.
 */
export const eventIds = pgTable("event_ids", {
  id: uuid("id").primaryKey(),
  eventTs: timestamp("event_ts", { withTimezone: true, mode: "string" }).notNull(),
  contentHash: text("content_hash").notNull(),
});
