import { bigint, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The SDKs' piggybacked counts (x-chronicle-client-metrics), summed per minute and client
 * source. Each API process adds what it buffered every few seconds with one upsert, so ingestion
 * health sees every process's reports, not only its own Prometheus counters. Purged after
 * CLIENT_METRICS_RETENTION_DAYS by the purge-client-metrics job.
 */
export const clientMetrics = pgTable(
  "client_metrics",
  {
    minute: timestamp("minute", { withTimezone: true, mode: "string" }).notNull(),
    /** The SDK's event source ("web", "mobile", "api"), or "unknown". */
    source: text("source").notNull(),
    /** Distinct signed-in clients that reported in the minute, per process (a client seen by two processes counts twice). */
    clients: integer("clients").notNull().default(0),
    flushes: bigint("flushes", { mode: "number" }).notNull().default(0),
    requests: bigint("requests", { mode: "number" }).notNull().default(0),
    retries: bigint("retries", { mode: "number" }).notNull().default(0),
    events: bigint("events", { mode: "number" }).notNull().default(0),
    rejected: bigint("rejected", { mode: "number" }).notNull().default(0),
    dropped: bigint("dropped", { mode: "number" }).notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.minute, table.source] })],
);

/** How long the per-minute client figures are kept; ingestion health looks back at most a week. */
export const CLIENT_METRICS_RETENTION_DAYS = 30;
