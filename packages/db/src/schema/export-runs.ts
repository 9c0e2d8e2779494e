import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** `abandoned`: its process died or froze past its lease; its folder was removed. */
export type ExportRunStatus = "running" | "succeeded" | "failed" | "abandoned";

/** One Parquet file an export run wrote, relative to the export folder. */
export interface ExportedFile {
  path: string;
  rows: number;
  bytes: number;
}

/**
 * The incremental export's ledger: each run exports the log from the previous successful run's
 * position up to the head it saw, in (tx_id, ingest_seq) order, so every event is exported
 * exactly once however often it runs or fails.
 */
export const exportRuns = pgTable(
  "export_runs",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    actor: text("actor").notNull(),
    status: text("status").$type<ExportRunStatus>().notNull().default("running"),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "string" }).notNull().default(sql`now()`),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "string" }),
    fromTxId: bigint("from_tx_id", { mode: "number" }).notNull(),
    fromIngestSeq: bigint("from_ingest_seq", { mode: "number" }).notNull(),
    throughTxId: bigint("through_tx_id", { mode: "number" }).notNull(),
    throughIngestSeq: bigint("through_ingest_seq", { mode: "number" }).notNull(),
    eventsExported: integer("events_exported").notNull().default(0),
    files: jsonb("files").$type<ExportedFile[]>().notNull().default([]),
    error: text("error"),
    /** The folder the run writes into, so whoever cleans up a dead run finds its files. */
    outDir: text("out_dir"),
    /** The export lease's token when the run claimed its range: a later claimant's token is higher. */
    leaseToken: bigint("lease_token", { mode: "number" }),
    /** Renewed while the run writes; a running run past it is dead and any worker abandons it. */
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    index("export_runs_status_id_idx").on(t.status, t.id),
    // At most one run at a time, across every server: a second one fails to start.
    uniqueIndex("export_runs_one_running_idx").on(t.status).where(sql`${t.status} = 'running'`),
  ],
);
