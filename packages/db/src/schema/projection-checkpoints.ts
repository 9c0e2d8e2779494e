import { sql } from "drizzle-orm";
import { bigint, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * How far each projection has read the log, as the (tx_id, ingest_seq) of the last
 * event it applied. Written in the same transaction as the projection's tables.
 */
export const projectionCheckpoints = pgTable("projection_checkpoints", {
  name: text("name").primaryKey(),
  lastTxId: bigint("last_tx_id", { mode: "number" }).notNull().default(0),
  lastIngestSeq: bigint("last_ingest_seq", { mode: "number" }).notNull().default(0),
  eventsApplied: bigint("events_applied", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
});
