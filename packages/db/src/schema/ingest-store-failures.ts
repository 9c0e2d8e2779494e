import { bigint, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Ingest batches that could not be stored (the `telemetry.store_failed` log line), persisted
 * best-effort once the database answers again, so the insert-failure rate survives restarts.
 */
export const ingestStoreFailures = pgTable(
  "ingest_store_failures",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    batchId: uuid("batch_id").notNull().unique(),
    endpoint: text("endpoint").notNull(),
    eventCount: integer("event_count").notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [index("ingest_store_failures_failed_at_idx").on(t.failedAt)],
);
