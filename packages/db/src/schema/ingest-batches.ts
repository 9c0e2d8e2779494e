import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type IngestEndpoint = "telemetry.ingest" | "telemetry.track" | "telemetry.ingestGameBatch" | "telemetry.ingestForLearners" | "sync.batch";
export type IngestBatchStatus = "completed" | "partial" | "failed";

/** One row per ingest call, with seed 001's batch-log fields; health metrics read it. */
export const ingestBatches = pgTable(
  "ingest_batches",
  {
    batchId: uuid("batch_id").primaryKey(),
    /** A producer's own batch id (seed 003 `batch_id`, seed 001 `batchId`). */
    clientBatchId: text("client_batch_id"),
    userId: uuid("user_id").notNull(),
    endpoint: text("endpoint").$type<IngestEndpoint>().notNull(),
    source: text("source"),
    clientVersion: text("client_version"),
    itemCount: integer("item_count").notNull(),
    successCount: integer("success_count").notNull(),
    duplicateCount: integer("duplicate_count").notNull(),
    failureCount: integer("failure_count").notNull(),
    conflictCount: integer("conflict_count").notNull(),
    startTime: timestamp("start_time", { withTimezone: true, mode: "string" }).notNull(),
    endTime: timestamp("end_time", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
    durationMs: integer("duration_ms").notNull(),
    status: text("status").$type<IngestBatchStatus>().notNull(),
  },
  (t) => [index("ingest_batches_start_time_idx").on(t.startTime), index("ingest_batches_user_id_start_time_idx").on(t.userId, t.startTime)],
);
