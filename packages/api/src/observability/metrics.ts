import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Every Prometheus metric of one Chronicle process. Counters and histograms are per process
 * (Prometheus sums them across the processes it scrapes); gauges that describe the shared
 * database (projection lag, the export) are read from it at scrape time, see scrape-database-gauges.ts.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];
const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Seed 000: ingestion.
export const eventsIngested = new Counter({
  name: "chronicle_events_ingested_total",
  help: "Events received by ingest, by family, event type and outcome (accepted, duplicate, rejected).",
  labelNames: ["family", "type", "status"] as const,
  registers,
});
export const eventsRejected = new Counter({
  name: "chronicle_events_rejected_total",
  help: "Events refused by ingest, by rejection code.",
  labelNames: ["code"] as const,
  registers,
});
export const ingestBatchSize = new Histogram({
  name: "chronicle_ingest_batch_size_events",
  help: "Events per ingest batch, by endpoint.",
  labelNames: ["endpoint"] as const,
  // 49|50 and 999|1000 isolate batches exactly at the hard limits (seed 000's batch-size anomaly).
  buckets: [1, 2, 5, 10, 25, 49, 50, 100, 250, 500, 999, 1000],
  registers,
});
export const ingestInsertDuration = new Histogram({
  name: "chronicle_ingest_insert_duration_seconds",
  help: "Time to validate and store one ingest batch in its transaction, by endpoint.",
  labelNames: ["endpoint"] as const,
  buckets: seconds,
  registers,
});
export const ingestBatches = new Counter({
  name: "chronicle_ingest_batches_total",
  help: "Ingest batches by endpoint and outcome (stored or store_failed).",
  labelNames: ["endpoint", "outcome"] as const,
  registers,
});
export const failedInserts = new Counter({
  name: "chronicle_ingest_failed_inserts_total",
  help: "Events in batches the event store failed to write (nothing of such a batch is stored).",
  labelNames: ["endpoint"] as const,
  registers,
});

// Seed 001: offline sync.
export const syncBatches = new Counter({
  name: "chronicle_sync_batches_total",
  help: "sync.batch requests by outcome (completed, partial, failed, store_failed).",
  labelNames: ["status"] as const,
  registers,
});
export const syncDuration = new Histogram({
  name: "chronicle_sync_duration_seconds",
  help: "Time to apply one sync.batch.",
  buckets: seconds,
  registers,
});
export const syncConflicts = new Counter({
  name: "chronicle_sync_conflicts_total",
  help: "Sync items that met a newer server state, by how the conflict was resolved.",
  labelNames: ["resolution"] as const,
  registers,
});

// Seed 003: games (game batches are chronicle_ingest_batches_total{endpoint="telemetry.ingestGameBatch"}).
export const featureExtractionDuration = new Histogram({
  name: "chronicle_game_feature_extraction_duration_seconds",
  help: "Time to extract one game session's behavioural features.",
  buckets: seconds,
  registers,
});

// Chronicle's own.
export const jobRuns = new Counter({
  name: "chronicle_job_runs_total",
  help: "Scheduled job runs by job and outcome (success, failure).",
  labelNames: ["job", "outcome"] as const,
  registers,
});
export const jobFailures = new Counter({
  name: "chronicle_job_failures_total",
  help: "Scheduled job runs that failed, by job.",
  labelNames: ["job"] as const,
  registers,
});
export const httpRequests = new Counter({
  name: "chronicle_http_requests_total",
  help: "API requests by tRPC procedure (or route) and HTTP status.",
  labelNames: ["procedure", "status"] as const,
  registers,
});
export const httpRequestDuration = new Histogram({
  name: "chronicle_http_request_duration_seconds",
  help: "API request time by tRPC procedure (or route).",
  labelNames: ["procedure"] as const,
  buckets: seconds,
  registers,
});
export const rateLimitRefusals = new Counter({
  name: "chronicle_rate_limit_refusals_total",
  help: "Requests refused with 429 because their principal (or address) went over CHRONICLE_RATE_LIMIT_MAX.",
  registers,
});
export const dbQueryDuration = new Histogram({
  name: "chronicle_db_query_duration_seconds",
  help: "Time of the API's database transactions and row queries, by kind.",
  labelNames: ["kind"] as const,
  buckets: seconds,
  registers,
});
export const dbPoolInUse = new Gauge({
  name: "chronicle_db_pool_in_use_connections",
  help: "Database transactions and queries of the API running now (each holds one pooled connection).",
  registers,
});
export const dbPoolMax = new Gauge({
  name: "chronicle_db_pool_max_connections",
  help: "Connections the database pool may open (1 for embedded PGlite).",
  registers,
});

// Seed 000's client behaviour, as reported by the SDK with its ingest requests.
export const clientFlushes = new Counter({
  name: "chronicle_client_flushes_total",
  help: "Flushes with events to send reported by SDK clients (each sends one or more requests).",
  registers,
});
export const clientRequests = new Counter({
  name: "chronicle_client_requests_total",
  help: "Ingest request attempts (retries included) SDK clients sent, as they report them.",
  registers,
});
export const clientAnsweredEvents = new Counter({
  name: "chronicle_client_answered_events_total",
  help: "Events SDK clients sent in requests the server answered for, as they report them.",
  registers,
});
export const clientRetries = new Counter({
  name: "chronicle_client_retries_total",
  help: "Request retries reported by SDK clients.",
  registers,
});
export const clientDroppedEvents = new Counter({
  name: "chronicle_client_dropped_events_total",
  help: "Events SDK clients dropped because their queue overflowed.",
  registers,
});
export const clientRejectedEvents = new Counter({
  name: "chronicle_client_rejected_events_total",
  help: "Events SDK clients saw rejected.",
  registers,
});

// Scrape-time gauges, read from the shared database.
export const projectionLag = new Gauge({
  name: "chronicle_projection_lag_seconds",
  help: "How long the oldest event a projection has not applied has waited.",
  labelNames: ["projection"] as const,
  registers,
});
export const projectionPending = new Gauge({
  name: "chronicle_projection_pending_events",
  help: "Events a projection has not applied yet (counted up to a cap).",
  labelNames: ["projection"] as const,
  registers,
});
export const logMonthsAhead = new Gauge({
  name: "chronicle_event_log_months_ahead",
  help: "Month partitions of the log ready after the current UTC month, per family (-1: not even this month's; its events go to the default partition).",
  labelNames: ["family"] as const,
  registers,
});
export const exportLastSuccess = new Gauge({
  name: "chronicle_export_last_success_timestamp_seconds",
  help: "When the Parquet export last succeeded (Unix seconds; 0 = never).",
  registers,
});
export const exportEventsWaiting = new Gauge({
  name: "chronicle_export_events_waiting",
  help: "Events not yet in an exported Parquet file (counted up to a cap).",
  registers,
});
export const databaseUp = new Gauge({
  name: "chronicle_database_up",
  help: "1 when the database answered the scrape's probe, 0 when it did not.",
  registers,
});
export const alertsFiring = new Gauge({
  name: "chronicle_alert_firing",
  help: "1 while an alert evaluated by the alerts job is firing (as last seen by this process).",
  labelNames: ["alert"] as const,
  registers,
});
